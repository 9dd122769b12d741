#include "modules/access/role.h"
#include "web/http/openapi_schema_parts.h"
#include "web/http/schema_builder.h"

namespace citygrants::http::schemas {
using namespace schema;

// team_handlers.cpp: the org_lead flag, a lead's team and invitations, and their acceptance.
void addTeamSchemas(JsonObject out) {
  out->set("OrgLeadChange", closed({{"org_lead", boolean()}}));
  out->set("OrgLead", closed({{"user_id", integer()}, {"org_lead", boolean()}}));
  out->set("TeamMember", closed({{"id", integer()},
                                 {"name", text()},
                                 {"email", text()},
                                 {"language", choice(languages())},
                                 {"roles", list(choice(roleNames()))},
                                 {"org_lead", boolean()}}));
  out->set("Invitation",
           closed({{"id", integer()},
                   {"email", text()},
                   {"role", choice(roleNames())},
                   {"language", describe(choice(languages()), "of the mail and the account")},
                   {"created_at", dateTime()},
                   {"expires_at", describe(dateTime(), "the link works until then, once")}}));
  out->set("Team",
           closed({{"organisation", ref("SessionOrganisation")},
                   {"roles", describe(list(choice(roleNames())),
                                      "the roles the organisation's kind allows an invitation")},
                   {"members", describe(list(ref("TeamMember")), "active members, by id")},
                   {"invitations", describe(list(ref("Invitation")), "pending, oldest first")}}));
  out->set("NewInvitation",
           closed({{"email", text(254)},
                   {"role", describe(choice(roleNames(), 20),
                                     "one the organisation's kind allows; no default")},
                   optionalIn("language", describe(choice(languages(), 2),
                                                   "the mail's; default the organisation's")),
                   optionalIn("organisation_id",
                              describe(integer(), "only the lead's own; default it"))}));
  out->set("InvitationAcceptance",
           closed({{"name", text(200)},
                   {"password", describe(text(200), "as the password rules ask")}}));
  out->set("AcceptedInvitation",
           closed({{"email", text()},
                   {"name", text()},
                   {"language", choice(languages())},
                   {"organisation", describe(text(), "its name")},
                   {"roles", list(choice(roleNames()))}}));
}

}  // namespace citygrants::http::schemas
