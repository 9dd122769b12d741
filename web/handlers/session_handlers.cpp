#include <algorithm>

#include <Poco/Net/HTTPCookie.h>

#include "services/auth/session_service.h"
#include "services/stores/directory_store.h"
#include "web/handlers/routes.h"
#include "web/handlers/user_json.h"
#include "web/http/api_pipeline.h"
#include "web/http/json_encode.h"
#include "web/http/json_reader.h"

namespace citygrants::handlers {
namespace {

Poco::Net::HTTPCookie sessionCookie(const ApiContext& ctx, const std::string& value, bool clear) {
  Poco::Net::HTTPCookie c(http::ApiPipeline::kSessionCookie, value);
  c.setPath("/");
  c.setHttpOnly(true);
  c.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
  c.setSecure(ctx.secure_cookies);
  if (clear) c.setMaxAge(0);
  return c;
}

http::JsonObject tokenJson(const stores::ApiToken& t) {
  auto o = http::object();
  o->set("id", t.id);
  o->set("name", t.name);
  o->set("created_at", http::isoTime(t.created_at));
  http::setTime(o, "revoked_at", t.revoked_at);
  std::vector<std::string> scopes;
  for (std::size_t at = 0; at < t.scopes.size();) {
    const auto end = std::min(t.scopes.find(' ', at), t.scopes.size());
    if (end > at) scopes.push_back(t.scopes.substr(at, end - at));
    at = end + 1;
  }
  o->set("scopes", http::strings(scopes));
  return o;
}

}  // namespace

ApiResponse postSession(ApiContext& ctx, ApiRequest& req) {
  http::JsonReader in(req.json());
  const auto email = in.text("email", true, 254);
  const auto password = in.text("password", true, 200);
  const auto otp = in.text("otp", false, 40);
  in.finish();
  auto sessions = ctx.sessions();
  const auto signed_in = sessions.signIn(*email, *password, req.session_token, req.client, otp);
  auto tx = ctx.db.read();
  const auto org = stores::DirectoryStore::findOrganisation(tx, signed_in.user.org_id);
  tx.commit();
  auto body = http::object();
  body->set("csrf_token", signed_in.csrf_token);
  body->set("expires_at", http::isoTime(signed_in.expires_at));
  body->set("user", signedInUserJson(signed_in.user, org));
  auto r = http::jsonResponse(body, 201);
  r.cookies.push_back(sessionCookie(ctx, signed_in.token, false));
  return r;
}

ApiResponse deleteSession(ApiContext& ctx, ApiRequest& req) {
  if (req.session_token) ctx.sessions().signOut(*req.session_token);
  ApiResponse r;
  r.status = 204;
  r.cookies.push_back(sessionCookie(ctx, "", true));
  return r;
}

ApiResponse getMe(ApiContext& ctx, ApiRequest& req) {
  auto tx = ctx.db.read();
  const auto user = stores::DirectoryStore::findUser(tx, req.who().user_id);
  const auto org = stores::DirectoryStore::findOrganisation(tx, user->org_id);
  tx.commit();
  auto body = signedInUserJson(*user, org);
  http::setOptional(body, "csrf_token", req.csrf_token);
  body->set("must_enrol_second_factor", req.must_enrol);
  return http::jsonResponse(body);
}

ApiResponse postToken(ApiContext& ctx, ApiRequest& req) {
  http::JsonReader in(req.json());
  const auto name = in.text("name", true, 100);
  const auto scopes = in.textList("scopes", false, 3, 20);
  in.finish();
  const auto created =
      ctx.sessions().createToken(req.who(), *name, scopes.value_or(std::vector<std::string>{}));
  auto body = tokenJson(created.record);
  body->set("token", created.token);
  return http::jsonResponse(body, 201);
}

ApiResponse listTokens(ApiContext& ctx, ApiRequest& req) {
  const auto tokens = ctx.sessions().tokens(req.who());
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& t : tokens) items->add(tokenJson(t));
  return http::jsonResponse(http::page(items, static_cast<std::int64_t>(tokens.size()), std::nullopt));
}

ApiResponse deleteToken(ApiContext& ctx, ApiRequest& req) {
  ctx.sessions().revokeToken(req.who(), req.id());
  ApiResponse r;
  r.status = 204;
  return r;
}

}  // namespace citygrants::handlers
