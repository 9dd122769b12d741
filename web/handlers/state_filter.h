#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "web/http/api_types.h"

namespace citygrants::handlers {

// ?`name`=a,b: values of `allowed` (`what` says what they are), comma-separated, each kept once
// in the order given; 400 problem+json naming the allowed values otherwise. Empty when absent.
std::vector<std::string> choiceFilter(const http::ApiRequest& req, const std::string& name,
                                      std::span<const std::string_view> allowed,
                                      std::string_view what);

// ?state=a,b: states of one machine (`states`), comma-separated, each kept once in the order
// given; 400 problem+json naming the machine's states otherwise. Empty when absent.
std::vector<std::string> stateFilter(const http::ApiRequest& req,
                                     std::span<const std::string_view> states,
                                     std::string_view machine);

}  // namespace citygrants::handlers
