#include "modules/access/account_rules.h"
#include "services/auth/second_factor_reset_service.h"
#include "services/auth/user_admin_service.h"
#include "web/handlers/actor_json.h"
#include "web/handlers/routes.h"
#include "web/http/json_encode.h"
#include "web/http/json_reader.h"

// Account administration (issue 17 part 4): /api/v1/users/{id} and what hangs off it.
namespace citygrants::handlers {
namespace {

auth::UserAdminService admins(ApiContext& ctx) {
  return {ctx.useCases(), ctx.policy, ctx.resets, ctx.sign_in};
}

http::JsonObject resetJson(const access::Actor& reader, const auth::AdminAccount& a) {
  const auto& r = *a.pending_reset;
  auto o = http::object();
  o->set("id", r.id);
  o->set("reason", r.reason);
  o->set("requested_at", http::isoTime(r.requested_at));
  o->set("expires_at", http::isoTime(r.expires_at));
  o->set("may_confirm", access::resetConfirmRefusal(reader.user_id, a.user.id, r.requested_by) ==
                            access::ResetRefusal::kNone);
  setActors(o, a.actors);
  return o;
}

ApiResponse accountResponse(const access::Actor& reader, const auth::AdminAccount& a) {
  const auto& u = a.user;
  auto j = http::object();
  j->set("id", u.id);
  j->set("email", u.email);
  j->set("name", u.name);
  j->set("language", u.language);
  auto org = http::object();
  org->set("id", a.organisation.id);
  org->set("name", a.organisation.name);
  org->set("kind", std::string(access::orgKindName(a.organisation.kind)));
  j->set("organisation", org);
  std::vector<std::string> roles;
  for (auto r : u.roles.roles()) roles.emplace_back(access::roleName(r));
  j->set("roles", http::strings(roles));
  j->set("active", u.active);
  j->set("locked", a.locked);
  http::setTime(j, "locked_until",
                a.locked && u.locked_until != auth::kLockedForever
                    ? std::optional<std::int64_t>(u.locked_until)
                    : std::nullopt);
  j->set("second_factor", a.counts.second_factor);
  j->set("live_sessions", a.counts.live_sessions);
  j->set("live_tokens", a.counts.live_tokens);
  if (a.pending_reset) {
    j->set("second_factor_reset", resetJson(reader, a));
  } else {
    j->set("second_factor_reset", Poco::Dynamic::Var());
  }
  j->set("version", u.version);
  return http::versionedResponse(j, u.version);
}

ApiResponse noContent() {
  ApiResponse r;
  r.status = 204;
  return r;
}

}  // namespace

ApiResponse getUser(ApiContext& ctx, ApiRequest& req) {
  return accountResponse(req.who(), admins(ctx).account(req.who(), req.id()));
}

ApiResponse patchUser(ApiContext& ctx, ApiRequest& req) {
  const auto version = req.ifMatch();
  http::JsonReader in(req.json());
  auth::AccountEdit edit;
  edit.name = in.text("name", false, 200);
  edit.language = in.text("language", false, 10);
  edit.active = in.boolean("active", false);
  if (const auto roles = in.textList("roles", false, 5, 20)) {
    edit.roles.emplace();
    for (std::size_t i = 0; i < roles->size(); ++i) {
      if (auto r = access::parseRole((*roles)[i])) {
        edit.roles->push_back(*r);
      } else {
        in.fail("roles[" + std::to_string(i) + "]", "directory.role_unknown");
      }
    }
  }
  in.finish();
  return accountResponse(req.who(), admins(ctx).update(req.who(), req.id(), version, edit));
}

ApiResponse postUserLock(ApiContext& ctx, ApiRequest& req) {
  http::JsonReader in(req.json());
  auth::AccountLock lock;
  lock.until = in.time("until", false);
  lock.reason = in.text("reason", false, 500).value_or("");
  in.finish();
  return accountResponse(req.who(), admins(ctx).lock(req.who(), req.id(), lock));
}

ApiResponse postUserUnlock(ApiContext& ctx, ApiRequest& req) {
  return accountResponse(req.who(), admins(ctx).unlock(req.who(), req.id()));
}

ApiResponse postUserPasswordReset(ApiContext& ctx, ApiRequest& req) {
  admins(ctx).forcePasswordReset(req.who(), req.id());
  return noContent();
}

ApiResponse postSecondFactorReset(ApiContext& ctx, ApiRequest& req) {
  http::JsonReader in(req.json());
  const auto reason = in.text("reason", true, 500);
  in.finish();
  auth::SecondFactorResetService(ctx.useCases()).request(req.who(), req.id(), *reason);
  return getUser(ctx, req);
}

ApiResponse postSecondFactorResetConfirm(ApiContext& ctx, ApiRequest& req) {
  auth::SecondFactorResetService(ctx.useCases()).confirm(req.who(), req.id());
  return getUser(ctx, req);
}

ApiResponse deleteSecondFactorReset(ApiContext& ctx, ApiRequest& req) {
  auth::SecondFactorResetService(ctx.useCases()).cancel(req.who(), req.id());
  return noContent();
}

ApiResponse listUserSessions(ApiContext& ctx, ApiRequest& req) {
  const auto sessions = admins(ctx).sessions(req.who(), req.id());
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& s : sessions) {
    auto o = http::object();
    o->set("id", s.id);
    o->set("created_at", http::isoTime(s.created_at));
    o->set("last_seen_at", http::isoTime(s.last_seen_at));
    o->set("expires_at", http::isoTime(s.expires_at));
    items->add(o);
  }
  return http::jsonResponse(
      http::page(items, static_cast<std::int64_t>(sessions.size()), std::nullopt));
}

ApiResponse deleteUserSession(ApiContext& ctx, ApiRequest& req) {
  admins(ctx).endSession(req.who(), req.id(), req.id("sid"));
  return noContent();
}

ApiResponse deleteUserSessions(ApiContext& ctx, ApiRequest& req) {
  admins(ctx).endSessions(req.who(), req.id());
  return noContent();
}

}  // namespace citygrants::handlers
