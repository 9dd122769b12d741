#pragma once

#include <optional>

#include "services/stores/directory_store.h"
#include "web/http/json_encode.h"

namespace citygrants::handlers {

// The signed-in user as the session routes and the account page answer it (OpenAPI
// SessionUser): id, email, name, language, roles, org_lead and, when known, the organisation with its kind
// and language.
http::JsonObject signedInUserJson(const stores::User& u,
                                  const std::optional<stores::Organisation>& org);

}  // namespace citygrants::handlers
