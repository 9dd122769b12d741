#include "modules/core/problem.h"

#include <utility>

namespace citygrants::core {

std::string_view problemKindName(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::kNotFound: return "not_found";
    case ProblemKind::kForbidden: return "forbidden";
    case ProblemKind::kInvalidTransition: return "invalid_transition";
    case ProblemKind::kInvalid: return "invalid";
    case ProblemKind::kStaleVersion: return "stale_version";
    case ProblemKind::kConflict: return "conflict";
    case ProblemKind::kUnauthenticated: return "unauthenticated";
    case ProblemKind::kTooManyRequests: return "too_many_requests";
    case ProblemKind::kUnavailable: return "unavailable";
  }
  return "unknown";
}

Problem::Problem(ProblemKind kind, std::string message, std::vector<FieldError> fields)
    : std::runtime_error(std::move(message)), kind_(kind), fields_(std::move(fields)) {}

Problem Problem::notFound(std::string_view what) {
  return Problem(ProblemKind::kNotFound, std::string(what) + " not found");
}

Problem Problem::forbidden(std::string message) {
  return Problem(ProblemKind::kForbidden, std::move(message));
}

Problem Problem::invalid(std::vector<FieldError> fields) {
  std::string message = "invalid input:";
  for (const auto& f : fields) message += " " + f.field + " (" + f.message + ");";
  if (!fields.empty()) message.pop_back();
  return Problem(ProblemKind::kInvalid, std::move(message), std::move(fields));
}

Problem Problem::invalidField(std::string field, std::string message) {
  return invalid({FieldError{std::move(field), std::move(message)}});
}

Problem Problem::tooManyRequests(std::string message, int retry_after_seconds) {
  Problem p(ProblemKind::kTooManyRequests, std::move(message));
  p.retry_after_seconds_ = retry_after_seconds < 1 ? 1 : retry_after_seconds;
  return p;
}

Problem Problem::unavailable(std::string message, int retry_after_seconds) {
  Problem p(ProblemKind::kUnavailable, std::move(message));
  p.retry_after_seconds_ = retry_after_seconds < 1 ? 1 : retry_after_seconds;
  return p;
}

}  // namespace citygrants::core
