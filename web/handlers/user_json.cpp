#include "web/handlers/user_json.h"

#include <string>
#include <vector>

#include "modules/access/role.h"

namespace citygrants::handlers {

http::JsonObject signedInUserJson(const stores::User& u,
                                  const std::optional<stores::Organisation>& org) {
  auto o = http::object();
  o->set("id", u.id);
  o->set("email", u.email);
  o->set("name", u.name);
  o->set("language", u.language);
  std::vector<std::string> roles;
  for (auto r : u.roles.roles()) roles.emplace_back(access::roleName(r));
  o->set("roles", http::strings(roles));
  o->set("org_lead", u.org_lead);
  if (org) {
    auto org_json = http::object();
    org_json->set("id", org->id);
    org_json->set("name", org->name);
    org_json->set("kind", std::string(access::orgKindName(org->kind)));
    org_json->set("language", org->language);
    o->set("organisation", org_json);
  }
  return o;
}

}  // namespace citygrants::handlers
