#include "services/usecases/directory_service.h"
#include "web/handlers/routes.h"
#include "web/http/json_encode.h"
#include "web/http/json_reader.h"

namespace citygrants::handlers {
namespace {

http::JsonObject orgJson(const stores::Organisation& o) {
  auto j = http::object();
  j->set("id", o.id);
  j->set("kind", std::string(access::orgKindName(o.kind)));
  j->set("name", o.name);
  j->set("country", o.country);
  j->set("region", o.region);
  j->set("language", o.language);
  j->set("version", o.version);
  j->set("identifier", o.identifier);
  j->set("open_id", o.open_id);
  return j;
}

http::JsonObject userJson(const stores::User& u) {
  auto j = http::object();
  j->set("id", u.id);
  j->set("org_id", u.org_id);
  j->set("email", u.email);
  j->set("name", u.name);
  j->set("language", u.language);
  std::vector<std::string> roles;
  for (auto r : u.roles.roles()) roles.emplace_back(access::roleName(r));
  j->set("roles", http::strings(roles));
  j->set("active", u.active);
  j->set("version", u.version);
  return j;
}

access::Role roleParam(const ApiRequest& req) {
  auto role = access::parseRole(req.params.at("role"));
  if (!role) throw core::Problem::notFound("role");
  return *role;
}

}  // namespace

ApiResponse listOrganisations(ApiContext& ctx, ApiRequest& req) {
  http::JsonArray items = new Poco::JSON::Array;
  const auto orgs = usecases::DirectoryService(ctx.useCases()).organisations(req.who());
  const auto kind = req.queryText("kind");
  for (const auto& o : orgs) {
    if (!kind || *kind == access::orgKindName(o.kind)) items->add(orgJson(o));
  }
  return http::jsonResponse(http::page(items, static_cast<std::int64_t>(items->size()), std::nullopt));
}

ApiResponse postOrganisation(ApiContext& ctx, ApiRequest& req) {
  http::JsonReader in(req.json());
  stores::Organisation o;
  const auto kind = in.text("kind", true, 20);
  o.name = in.text("name", true, 200).value_or("");
  o.country = in.text("country", false, 100).value_or("");
  o.region = in.text("region", false, 100).value_or("");
  o.language = in.text("language", false, 2).value_or("en");
  o.identifier = in.text("identifier", false, 120).value_or("");
  if (kind) {
    if (auto k = access::parseOrgKind(*kind)) {
      o.kind = *k;
    } else {
      in.fail("kind", "directory.org_kind");
    }
  }
  in.finish();
  const auto created = usecases::DirectoryService(ctx.useCases()).addOrganisation(req.who(), o);
  return http::jsonResponse(orgJson(created), 201);
}

ApiResponse putOrganisationIdentifier(ApiContext& ctx, ApiRequest& req) {
  const auto version = req.ifMatch();
  http::JsonReader in(req.json());
  const auto identifier = in.text("identifier", true, 120);
  in.finish();
  const auto o = usecases::DirectoryService(ctx.useCases())
                     .setIdentifier(req.who(), req.id(), version, identifier.value_or(""));
  return http::versionedResponse(orgJson(o), o.version);
}

ApiResponse listUsers(ApiContext& ctx, ApiRequest& req) {
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& u : usecases::DirectoryService(ctx.useCases()).users(req.who())) items->add(userJson(u));
  return http::jsonResponse(http::page(items, static_cast<std::int64_t>(items->size()), std::nullopt));
}

ApiResponse postUser(ApiContext& ctx, ApiRequest& req) {
  http::JsonReader in(req.json());
  usecases::NewUser u;
  u.email = in.text("email", true, 254).value_or("");
  u.name = in.text("name", true, 200).value_or("");
  u.org_name = in.text("organisation", true, 200).value_or("");
  u.password = in.text("password", true, 200).value_or("");
  u.language = in.text("language", false, 2).value_or("en");
  const auto roles = in.textList("roles", true, 5, 20).value_or(std::vector<std::string>{});
  for (std::size_t i = 0; i < roles.size(); ++i) {
    if (auto r = access::parseRole(roles[i])) {
      u.roles.push_back(*r);
    } else {
      in.fail("roles[" + std::to_string(i) + "]", "directory.role_unknown");
    }
  }
  in.finish();
  const auto created = usecases::DirectoryService(ctx.useCases()).addUser(req.who(), u);
  return http::jsonResponse(userJson(created), 201);
}

ApiResponse putUserRole(ApiContext& ctx, ApiRequest& req) {
  const auto u = usecases::DirectoryService(ctx.useCases()).grantRole(req.who(), req.id(), roleParam(req));
  return http::jsonResponse(userJson(u));
}

ApiResponse deleteUserRole(ApiContext& ctx, ApiRequest& req) {
  const auto u = usecases::DirectoryService(ctx.useCases()).revokeRole(req.who(), req.id(), roleParam(req));
  return http::jsonResponse(userJson(u));
}

}  // namespace citygrants::handlers
