#include "web/http/problem_json.h"

#include <Poco/JSON/Array.h>

namespace citygrants::http {
namespace {

const char* titleFor(core::ProblemKind kind) {
  switch (kind) {
    case core::ProblemKind::kNotFound: return "Not found";
    case core::ProblemKind::kForbidden: return "Forbidden";
    case core::ProblemKind::kInvalidTransition: return "Not allowed in this state";
    case core::ProblemKind::kInvalid: return "Invalid input";
    case core::ProblemKind::kStaleVersion: return "Changed by someone else";
    case core::ProblemKind::kConflict: return "Conflict";
    case core::ProblemKind::kUnauthenticated: return "Sign in required";
    case core::ProblemKind::kTooManyRequests: return "Too many requests";
    case core::ProblemKind::kUnavailable: return "Service unavailable";
  }
  return "Error";
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
  }
  return 500;
}

ApiResponse problemResponse(int status, const std::string& slug, const std::string& title,
                            const std::string& detail, const std::vector<core::FieldError>& fields,
                            const std::string& request_id) {
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  body->set("type", "https://citygrants.gcf/problems/" + slug);
  body->set("title", title);
  body->set("status", status);
  body->set("detail", detail);
  if (!fields.empty()) {
    Poco::JSON::Array::Ptr errors = new Poco::JSON::Array;
    for (const auto& f : fields) {
      Poco::JSON::Object::Ptr e = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
      e->set("field", f.field);
      e->set("message", f.message);
      errors->add(e);
    }
    body->set("errors", errors);
  }
  body->set("request_id", request_id);
  auto r = jsonResponse(body, status);
  r.content_type = "application/problem+json";
  return r;
}

ApiResponse problemResponse(const core::Problem& problem, const std::string& request_id) {
  const std::string slug(core::problemKindName(problem.kind()));
  std::string dashed = slug;
  for (auto& c : dashed) c = c == '_' ? '-' : c;
  auto r = problemResponse(statusFor(problem.kind()), dashed, titleFor(problem.kind()), problem.what(),
                           problem.fields(), request_id);
  if (problem.retryAfterSeconds() > 0) {
    r.headers.emplace_back("Retry-After", std::to_string(problem.retryAfterSeconds()));
  }
  return r;
}

ApiResponse problemResponse(const HttpError& error, const std::string& request_id) {
  return problemResponse(error.status, error.type, error.title, error.detail, error.fields, request_id);
}

}  // namespace citygrants::http
