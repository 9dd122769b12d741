#include "web/http/problem_json.h"

#include <Poco/JSON/Array.h>

#include "modules/i18n/catalog.h"

namespace citygrants::http {
namespace {

struct SlugTitle {
  std::string_view slug;
  core::MessageKey title;
};

// clang-format off
constexpr SlugTitle kTitles[] = {
  {"not-found",              "title.not_found"},
  {"forbidden",              "title.forbidden"},
  {"invalid-transition",     "title.invalid_transition"},
  {"invalid",                "title.invalid"},
  {"stale-version",          "title.stale_version"},
  {"conflict",               "title.conflict"},
  {"unauthenticated",        "title.unauthenticated"},
  {"too-many-requests",      "title.too_many_requests"},
  {"unavailable",            "title.unavailable"},
  {"second-factor-required", "title.second_factor_required"},
  {"step-up-required",       "title.step_up_required"},
  {"second-factor-enrolment-required", "title.second_factor_enrolment_required"},
  {"bad-query",              "title.bad_query"},
  {"malformed-json",         "title.malformed_json"},
  {"malformed-multipart",    "title.malformed_multipart"},
  {"unsupported-media-type", "title.unsupported_media_type"},
  {"precondition-required",  "title.precondition_required"},
  {"bad-if-match",           "title.bad_if_match"},
  {"payload-too-large",      "title.payload_too_large"},
  {"request-timeout",        "title.request_timeout"},
  {"incomplete-body",        "title.incomplete_body"},
  {"csrf",                   "title.csrf"},
  {"internal",               "title.internal"},
  {"method-not-allowed",     "title.method_not_allowed"},
  {"bad-request",            "title.bad_request"},
};
// clang-format on

std::string dashed(std::string_view kind) {
  std::string out(kind);
  for (auto& c : out) c = c == '_' ? '-' : c;
  return out;
}

ApiResponse problemBody(int status, const std::string& slug, const std::string& title,
                        const std::string& detail, const Poco::JSON::Array::Ptr& errors,
                        const std::string& request_id) {
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  body->set("type", "https://citygrants.gcf/problems/" + slug);
  body->set("title", title);
  body->set("status", status);
  body->set("detail", detail);
  if (errors->size() > 0) body->set("errors", errors);
  body->set("request_id", request_id);
  auto r = jsonResponse(body, status);
  r.content_type = "application/problem+json";
  return r;
}

}  // namespace

int statusFor(core::ProblemKind kind) {
  switch (kind) {
    case core::ProblemKind::kNotFound: return 404;
    case core::ProblemKind::kForbidden: return 403;
    case core::ProblemKind::kInvalidTransition: return 409;
    case core::ProblemKind::kInvalid: return 422;
    case core::ProblemKind::kStaleVersion: return 412;
    case core::ProblemKind::kConflict: return 409;
    case core::ProblemKind::kUnauthenticated: return 401;
    case core::ProblemKind::kTooManyRequests: return 429;
    case core::ProblemKind::kUnavailable: return 503;
    case core::ProblemKind::kSecondFactorRequired: return 401;
    case core::ProblemKind::kStepUpRequired: return 401;
    case core::ProblemKind::kEnrolmentRequired: return 403;
  }
  return 500;
}

core::Message titleOf(std::string_view slug) {
  for (const auto& t : kTitles) {
    if (t.slug == slug) return core::Message(t.title, {});
  }
  return "title.error";
}

ApiResponse problemResponse(int status, const std::string& slug, const core::Message& detail,
                            const std::vector<core::FieldError>& fields,
                            const std::string& request_id, std::string_view language) {
  Poco::JSON::Array::Ptr errors = new Poco::JSON::Array;
  for (const auto& f : fields) {
    Poco::JSON::Object::Ptr e = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    e->set("field", f.field);
    e->set("message", i18n::render(language, f.message));
    errors->add(e);
  }
  auto r = problemBody(status, slug, i18n::render(language, titleOf(slug)),
                       i18n::render(language, detail), errors, request_id);
  r.headers.emplace_back("Content-Language", std::string(language));
  return r;
}

ApiResponse problemResponse(const core::Problem& problem, const std::string& request_id,
                            std::string_view language) {
  auto r = problemResponse(statusFor(problem.kind()), dashed(core::problemKindName(problem.kind())),
                           problem.message(), problem.fields(), request_id, language);
  if (problem.retryAfterSeconds() > 0) {
    r.headers.emplace_back("Retry-After", std::to_string(problem.retryAfterSeconds()));
  }
  return r;
}

ApiResponse problemResponse(const HttpError& error, const std::string& request_id,
                            std::string_view language) {
  return problemResponse(error.status, error.type, error.detail, error.fields, request_id,
                         language);
}

ApiResponse problemResponse(int status, const std::string& slug, const std::string& title,
                            const std::string& detail, const std::vector<core::FieldError>& fields,
                            const std::string& request_id) {
  Poco::JSON::Array::Ptr errors = new Poco::JSON::Array;
  for (const auto& f : fields) {
    Poco::JSON::Object::Ptr e = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    e->set("field", f.field);
    e->set("message", core::english(f.message));
    errors->add(e);
  }
  return problemBody(status, slug, title, detail, errors, request_id);
}

}  // namespace citygrants::http
