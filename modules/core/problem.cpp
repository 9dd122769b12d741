#include "modules/core/problem.h"

#include <utility>

#include "modules/i18n/catalog.h"

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
    case ProblemKind::kSecondFactorRequired: return "second_factor_required";
    case ProblemKind::kStepUpRequired: return "step_up_required";
    case ProblemKind::kEnrolmentRequired: return "second_factor_enrolment_required";
  }
  return "unknown";
}

std::string english(const Message& message) { return i18n::render("en", message); }

Problem::Problem(ProblemKind kind, Message message, std::vector<FieldError> fields)
    : Problem(kind, std::move(message), std::move(fields), std::string()) {}

Problem::Problem(ProblemKind kind, Message message, std::vector<FieldError> fields,
                 std::string text)
    : std::runtime_error(text.empty() ? english(message) : text),
      kind_(kind),
      message_(std::move(message)),
      fields_(std::move(fields)) {}

MessageArg entityTerm(std::string name, std::string_view entity) {
  std::string key(entity);
  for (auto& c : key)
    c = c == ' ' ? '_' : c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return MessageArg::term(std::move(name), "entity.", key);
}

Problem Problem::notFound(std::string_view entity) {
  return Problem(ProblemKind::kNotFound, {"problem.not_found", {entityTerm("what", entity)}});
}

Problem Problem::forbidden(Message message) {
  return Problem(ProblemKind::kForbidden, std::move(message));
}

Problem Problem::invalid(std::vector<FieldError> fields) {
  // The detail names the fields; what() says what is wrong with each, in English, for logs.
  std::string names;
  std::string text = "invalid input:";
  for (const auto& f : fields) {
    names += (names.empty() ? "" : ", ") + f.field;
    text += " " + f.field + " (" + english(f.message) + ");";
  }
  if (!fields.empty()) text.pop_back();
  return Problem(ProblemKind::kInvalid, {"problem.invalid", {{"fields", names}}}, std::move(fields),
                 std::move(text));
}

Problem Problem::invalidField(std::string field, Message message) {
  return invalid({FieldError{std::move(field), std::move(message)}});
}

Problem Problem::tooManyRequests(Message message, int retry_after_seconds) {
  Problem p(ProblemKind::kTooManyRequests, std::move(message));
  p.retry_after_seconds_ = retry_after_seconds < 1 ? 1 : retry_after_seconds;
  return p;
}

Problem Problem::unavailable(Message message, int retry_after_seconds) {
  Problem p(ProblemKind::kUnavailable, std::move(message));
  p.retry_after_seconds_ = retry_after_seconds < 1 ? 1 : retry_after_seconds;
  return p;
}

}  // namespace citygrants::core
