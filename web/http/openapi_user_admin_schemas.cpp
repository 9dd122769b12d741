#include "modules/access/role.h"
#include "web/http/openapi_schema_parts.h"
#include "web/http/schema_builder.h"

namespace citygrants::http::schemas {
using namespace schema;

// user_admin_handlers.cpp: an admin's page of one user and what it changes (issue 17 part 4).
void addUserAdminSchemas(JsonObject out) {
  out->set("AdminUserOrganisation",
           closed({{"id", integer()},
                   {"name", text()},
                   {"kind", choice({"fund", "partner", "city", "donor"})}}));
  out->set("SecondFactorResetPending",
           describe(closed({{"id", integer()},
                            {"reason", text()},
                            {"requested_at", dateTime()},
                            {"expires_at", describe(dateTime(), "a day after the request")},
                            {"may_confirm",
                             describe(boolean(),
                                      "whether the reader may confirm it: an admin other than the "
                                      "requester and the user")},
                            nullableOut("requested_by", integer()),
                            {"actors", actorsSchema({"requested_by"})}}),
                    "a reset of the user's second factor waiting for a second admin"));
  out->set(
      "AdminUser",
      closed({{"id", integer()},
              {"email", text()},
              {"name", text()},
              {"language", choice(languages())},
              {"organisation", ref("AdminUserOrganisation")},
              {"roles", list(choice(roleNames()))},
              {"active", boolean()},
              {"locked", describe(boolean(), "sign-in refused until locked_until or an unlock")},
              nullableOut("locked_until",
                          describe(dateTime(), "null when not locked or locked until unlocked")),
              {"second_factor", describe(boolean(), "a confirmed second factor is enrolled")},
              {"live_sessions", atLeast(0)},
              {"live_tokens", describe(atLeast(0), "API tokens not revoked")},
              nullableOut("second_factor_reset", ref("SecondFactorResetPending")),
              {"version", describe(atLeast(1), "as the ETag: send it back as If-Match")}}));
  out->set(
      "AdminUserChange",
      describe(
          closed({optionalIn("name", text(200)), optionalIn("language", choice(languages(), 10)),
                  optionalIn("roles", describe(list(choice(roleNames(), 20), 5),
                                               "the whole set the user holds after; "
                                               "each must fit their organisation")),
                  optionalIn("active", describe(boolean(), "false ends every session and token"))}),
          "the members to change; an absent one stays as it is"));
  out->set("AccountLock",
           closed({optionalIn("until", describe(dateTime(), "absent: until an admin unlocks")),
                   optionalIn("reason", text(500))}));
  out->set("SecondFactorResetRequest", closed({{"reason", text(500)}}));
  out->set("AdminSession", closed({{"id", integer()},
                                   {"created_at", dateTime()},
                                   {"last_seen_at", describe(dateTime(), "to the minute")},
                                   {"expires_at", describe(dateTime(), "the absolute timeout")}}));
  out->set("AdminSessionPage", pageOf("AdminSession"));
}

}  // namespace citygrants::http::schemas
