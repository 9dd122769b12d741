#include "services/usecases/team_service.h"
#include "web/handlers/routes.h"
#include "web/http/json_encode.h"
#include "web/http/json_reader.h"

namespace citygrants::handlers {
namespace {

ApiResponse noContent() {
  ApiResponse r;
  r.status = 204;
  return r;
}

http::JsonArray roleNames(const std::vector<access::Role>& roles) {
  std::vector<std::string> names;
  for (auto r : roles) names.emplace_back(access::roleName(r));
  return http::strings(names);
}

http::JsonObject memberJson(const stores::User& u) {
  auto j = http::object();
  j->set("id", u.id);
  j->set("name", u.name);
  j->set("email", u.email);
  j->set("language", u.language);
  j->set("roles", roleNames(u.roles.roles()));
  j->set("org_lead", u.org_lead);
  return j;
}

http::JsonObject invitationJson(const stores::Invitation& inv) {
  auto j = http::object();
  j->set("id", inv.id);
  j->set("email", inv.email);
  j->set("role", std::string(access::roleName(inv.role)));
  j->set("language", inv.language);
  http::setTime(j, "created_at", inv.created_at);
  http::setTime(j, "expires_at", inv.expires_at);
  return j;
}

}  // namespace

ApiResponse putOrgLead(ApiContext& ctx, ApiRequest& req) {
  http::JsonReader in(req.json());
  const auto flag = in.boolean("org_lead", true);
  in.finish();
  const auto user = ctx.teams().setOrgLead(req.who(), req.id(), *flag);
  auto body = http::object();
  body->set("user_id", user.id);
  body->set("org_lead", user.org_lead);
  return http::jsonResponse(body);
}

ApiResponse getTeam(ApiContext& ctx, ApiRequest& req) {
  const auto team = ctx.teams().team(req.who());
  auto org = http::object();
  org->set("id", team.organisation.id);
  org->set("name", team.organisation.name);
  org->set("kind", std::string(access::orgKindName(team.organisation.kind)));
  org->set("language", team.organisation.language);
  http::JsonArray members = new Poco::JSON::Array;
  for (const auto& m : team.members) members->add(memberJson(m));
  http::JsonArray invitations = new Poco::JSON::Array;
  for (const auto& inv : team.invitations) invitations->add(invitationJson(inv));
  auto body = http::object();
  body->set("organisation", org);
  body->set("roles", roleNames(team.roles));
  body->set("members", members);
  body->set("invitations", invitations);
  return http::jsonResponse(body);
}

ApiResponse postTeamInvitation(ApiContext& ctx, ApiRequest& req) {
  http::JsonReader in(req.json());
  usecases::InvitationRequest ask;
  ask.email = in.text("email", true, 254).value_or("");
  ask.role = in.text("role", false, 20);
  ask.language = in.text("language", false, 2);
  ask.organisation_id = in.integer("organisation_id", false, 1, INT64_MAX);
  in.finish();
  const auto inv = ctx.teams().invite(req.who(), ask);
  return http::jsonResponse(invitationJson(inv), 201);
}

ApiResponse deleteTeamInvitation(ApiContext& ctx, ApiRequest& req) {
  ctx.teams().revoke(req.who(), req.id());
  return noContent();
}

ApiResponse deleteTeamMember(ApiContext& ctx, ApiRequest& req) {
  ctx.teams().remove(req.who(), req.id());
  return noContent();
}

ApiResponse postInvitationToken(ApiContext& ctx, ApiRequest& req) {
  http::JsonReader in(req.json());
  const auto name = in.text("name", true, 200);
  const auto password = in.text("password", true, 200);
  in.finish();
  const auto made =
      ctx.invitations().accept(req.params.at("token"), *name, *password, req.client);
  auto body = http::object();
  body->set("email", made.user.email);
  body->set("name", made.user.name);
  body->set("language", made.user.language);
  body->set("organisation", made.organisation);
  body->set("roles", roleNames(made.user.roles.roles()));
  return http::jsonResponse(body, 201);
}

}  // namespace citygrants::handlers
