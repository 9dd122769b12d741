#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace citygrants::core {

// The small set of reasons a use case refuses. The web layer maps each kind to one HTTP status
// in one place; the CLI maps each to a message and a non-zero exit.
enum class ProblemKind {
  kNotFound,           // no such record, or the actor may not see it
  kForbidden,          // the actor sees the record but may not do this
  kInvalidTransition,  // the event does not apply to the record's current state
  kInvalid,            // a field is missing or wrong; see `fields`
  kStaleVersion,       // the record changed since the caller read it
  kConflict,           // a rule about other records refuses it (budget left, overdue report, ...)
  kUnauthenticated,    // no valid session or token, or a wrong email or password
  kTooManyRequests,    // repeated failures: try again later
  kUnavailable,        // the server is busy with other requests of this kind: try again shortly
};

std::string_view problemKindName(ProblemKind kind);

// One named field and what is wrong with it.
struct FieldError {
  std::string field;
  std::string message;
};

// A refusal. Thrown by use cases; the transaction rolls back and nothing is written.
class Problem : public std::runtime_error {
 public:
  Problem(ProblemKind kind, std::string message, std::vector<FieldError> fields = {});

  ProblemKind kind() const { return kind_; }
  const std::vector<FieldError>& fields() const { return fields_; }
  // kTooManyRequests and kUnavailable: whole seconds after which the same request may succeed
  // (the HTTP layer sends them as Retry-After); 0 when the refusal does not say.
  int retryAfterSeconds() const { return retry_after_seconds_; }

  static Problem notFound(std::string_view what);
  static Problem forbidden(std::string message);
  static Problem invalid(std::vector<FieldError> fields);
  static Problem invalidField(std::string field, std::string message);
  // REQUIRES: retry_after_seconds >= 1.
  static Problem tooManyRequests(std::string message, int retry_after_seconds);
  // REQUIRES: retry_after_seconds >= 1.
  static Problem unavailable(std::string message, int retry_after_seconds);

 private:
  ProblemKind kind_;
  std::vector<FieldError> fields_;
  int retry_after_seconds_ = 0;
};

}  // namespace citygrants::core
