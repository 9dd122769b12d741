#pragma once

#include "services/audit/audit_query.h"
#include "web/http/json_encode.h"

namespace citygrants::handlers {

// One audit event as GET /audit and the record timelines show it.
http::JsonObject auditEventJson(const audit::AuditRow& r);

}  // namespace citygrants::handlers
