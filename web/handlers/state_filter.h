#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "web/http/api_types.h"

namespace citygrants::handlers {

// ?state=a,b: states of one machine (`states`), comma-separated, each kept once in the order
// given; 400 problem+json naming the machine's states otherwise. Empty when absent.
std::vector<std::string> stateFilter(const http::ApiRequest& req,
                                     std::span<const std::string_view> states,
                                     std::string_view machine);

}  // namespace citygrants::handlers
