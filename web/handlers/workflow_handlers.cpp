#include "services/exports/workflow_json.h"
#include "web/handlers/routes.h"

namespace citygrants::handlers {

ApiResponse getWorkflows(ApiContext&, ApiRequest&) {
  static const std::string kBody = exports::workflowJson();  // the tables are compiled in
  ApiResponse r;
  r.body = kBody;
  return r;
}

}  // namespace citygrants::handlers
