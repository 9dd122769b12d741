#include "services/auth/account_service.h"
#include "services/auth/password_reset_service.h"
#include "services/stores/directory_store.h"
#include "web/handlers/routes.h"
#include "web/handlers/user_json.h"
#include "web/http/json_encode.h"
#include "web/http/json_reader.h"

namespace citygrants::handlers {
namespace {

http::JsonObject accountJson(ApiContext& ctx, const stores::User& u) {
  auto tx = ctx.db.read();
  const auto org = stores::DirectoryStore::findOrganisation(tx, u.org_id);
  tx.commit();
  auto o = signedInUserJson(u, org);
  o->set("version", u.version);
  return o;
}

ApiResponse noContent() {
  ApiResponse r;
  r.status = 204;
  return r;
}

}  // namespace

ApiResponse getAccount(ApiContext& ctx, ApiRequest& req) {
  const auto user = ctx.accounts().account(req.who());
  return http::versionedResponse(accountJson(ctx, user), user.version);
}

ApiResponse patchAccount(ApiContext& ctx, ApiRequest& req) {
  http::JsonReader in(req.json());
  auth::ProfileChange change;
  change.name = in.text("name", false, 200);
  change.language = in.text("language", false, 10);
  in.finish();
  const auto user = ctx.accounts().updateProfile(req.who(), req.ifMatch(), change);
  return http::versionedResponse(accountJson(ctx, user), user.version);
}

ApiResponse putAccountPassword(ApiContext& ctx, ApiRequest& req) {
  http::JsonReader in(req.json());
  const auto current = in.text("current_password", true, 200);
  const auto next = in.text("new_password", true, 200);
  in.finish();
  ctx.accounts().changePassword(req.who(), req.session_token, *current, *next, req.client);
  return noContent();
}

ApiResponse listAccountSessions(ApiContext& ctx, ApiRequest& req) {
  const auto sessions = ctx.accounts().sessions(req.who(), req.session_token);
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& s : sessions) {
    auto o = http::object();
    o->set("id", s.session.id);
    o->set("created_at", http::isoTime(s.session.created_at));
    o->set("last_seen_at", http::isoTime(s.session.last_seen_at));
    o->set("expires_at", http::isoTime(s.session.expires_at));
    o->set("current", s.current);
    items->add(o);
  }
  return http::jsonResponse(
      http::page(items, static_cast<std::int64_t>(sessions.size()), std::nullopt));
}

ApiResponse deleteAccountSession(ApiContext& ctx, ApiRequest& req) {
  ctx.accounts().endSession(req.who(), req.id());
  return noContent();
}

ApiResponse postPasswordReset(ApiContext& ctx, ApiRequest& req) {
  http::JsonReader in(req.json());
  const auto email = in.text("email", true, 254);
  in.finish();
  auto resets = ctx.passwordResets();
  resets.request(*email, req.client);
  // The same answer for every email, known or not.
  auto body = http::object();
  body->set("status", "accepted");
  body->set("expires_in_minutes", resets.policy().ttl_ms / 60'000);
  return http::jsonResponse(body, 202);
}

ApiResponse postPasswordResetToken(ApiContext& ctx, ApiRequest& req) {
  http::JsonReader in(req.json());
  const auto password = in.text("new_password", true, 200);
  in.finish();
  ctx.passwordResets().complete(req.params.at("token"), *password, req.client);
  return noContent();
}

}  // namespace citygrants::handlers
