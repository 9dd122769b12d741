#include "services/auth/second_factor_service.h"
#include "web/handlers/routes.h"
#include "web/http/json_encode.h"
#include "web/http/json_reader.h"

namespace citygrants::handlers {
namespace {

// The "otp" member every route of the second factor takes: a TOTP or a recovery code.
std::string otpOf(ApiRequest& req) {
  http::JsonReader in(req.json());
  auto otp = in.text("otp", true, 40);
  in.finish();
  return *otp;
}

http::JsonObject codesJson(const std::vector<std::string>& codes) {
  auto o = http::object();
  o->set("recovery_codes", http::strings(codes));
  return o;
}

}  // namespace

ApiResponse getSecondFactor(ApiContext& ctx, ApiRequest& req) {
  const auto s = ctx.secondFactors().status(req.who());
  auto o = http::object();
  o->set("required", s.required);
  o->set("enrolled", s.enrolled);
  o->set("pending", s.pending);
  o->set("recovery_codes_left", s.recovery_codes_left);
  http::setTime(o, "confirmed_at", s.confirmed_at);
  return http::jsonResponse(o);
}

ApiResponse postSecondFactor(ApiContext& ctx, ApiRequest& req) {
  const auto e = ctx.secondFactors().start(req.who());
  auto o = http::object();
  o->set("secret", e.secret);
  o->set("otpauth_uri", e.otpauth_uri);
  o->set("qr_svg", e.qr_svg);
  return http::jsonResponse(o, 201);
}

ApiResponse postSecondFactorConfirm(ApiContext& ctx, ApiRequest& req) {
  return http::jsonResponse(codesJson(ctx.secondFactors().confirm(req.who(), otpOf(req))));
}

ApiResponse postRecoveryCodes(ApiContext& ctx, ApiRequest& req) {
  return http::jsonResponse(codesJson(ctx.secondFactors().renewRecoveryCodes(req.who(), otpOf(req))));
}

ApiResponse postSecondFactorRemove(ApiContext& ctx, ApiRequest& req) {
  ctx.secondFactors().remove(req.who(), otpOf(req));
  ApiResponse r;
  r.status = 204;
  return r;
}

ApiResponse postStepUp(ApiContext& ctx, ApiRequest& req) {
  const auto otp = otpOf(req);
  if (!req.session_token) {  // a bearer token: machine clients carry scopes instead
    throw core::Problem::forbidden(core::Message("auth.token_step_up"));
  }
  const auto until = ctx.sessions().stepUp(*req.session_token, otp, req.client);
  auto o = http::object();
  o->set("stepped_up_until", http::isoTime(until));
  return http::jsonResponse(o);
}

}  // namespace citygrants::handlers
