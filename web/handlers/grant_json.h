#pragma once

#include <string>
#include <vector>

#include "services/stores/grant_store.h"
#include "services/usecases/actor_naming.h"
#include "services/usecases/report_service.h"
#include "web/http/json_encode.h"

// The JSON of a grant's tranches and reports, shared by the grant routes (which list them) and
// the tranche and report routes (which show and change one).
namespace citygrants::handlers {

// A tranche with its amount in the grant's `currency`, the events the reader may fire now and
// who did each step (`actors`, as the reader may know them). Defined in tranche_handlers.cpp.
http::JsonObject trancheJson(const stores::Tranche& t, const std::string& currency,
                             const std::vector<std::string>& actions,
                             const usecases::Actors& actors);

// A report with the events the reader may fire now and who submitted and accepted it (as the
// reader may know them). Defined in report_handlers.cpp.
http::JsonObject reportJson(const usecases::ReportView& r, const std::vector<std::string>& actions);

}  // namespace citygrants::handlers
