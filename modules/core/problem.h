#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "modules/core/message.h"

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
  kSecondFactorRequired,  // sign-in: the password is right, a code of the second factor is not
  kStepUpRequired,        // money moves only after a code proved on this session within minutes
  kEnrolmentRequired,     // the user's role needs a second factor: they may only enrol one
};

std::string_view problemKindName(ProblemKind kind);

// One named field and what is wrong with it, as a message of the catalogs.
struct FieldError {
  std::string field;
  Message message;
};

// A refusal. Thrown by use cases; the transaction rolls back and nothing is written. Its words
// are a message of the catalogs, written in the reader's language where it is answered; what()
// is the English text (logs, the command line).
class Problem : public std::runtime_error {
 public:
  Problem(ProblemKind kind, Message message, std::vector<FieldError> fields = {});

  ProblemKind kind() const { return kind_; }
  const Message& message() const { return message_; }
  const std::vector<FieldError>& fields() const { return fields_; }
  // kTooManyRequests and kUnavailable: whole seconds after which the same request may succeed
  // (the HTTP layer sends them as Retry-After); 0 when the refusal does not say.
  int retryAfterSeconds() const { return retry_after_seconds_; }

  // "No such <entity>": `entity` as people call one record ("proposal", "review assignment"),
  // written in the reader's language as the term "entity.<entity>" ('_' for spaces).
  static Problem notFound(std::string_view entity);
  static Problem forbidden(Message message);
  // REQUIRES: fields is not empty.
  static Problem invalid(std::vector<FieldError> fields);
  static Problem invalidField(std::string field, Message message);
  // REQUIRES: retry_after_seconds >= 1.
  static Problem tooManyRequests(Message message, int retry_after_seconds);
  // REQUIRES: retry_after_seconds >= 1.
  static Problem unavailable(Message message, int retry_after_seconds);

 private:
  Problem(ProblemKind kind, Message message, std::vector<FieldError> fields, std::string english);
  ProblemKind kind_;
  Message message_;
  std::vector<FieldError> fields_;
  int retry_after_seconds_ = 0;
};

// The term of an entity as people call one record: "entity.review_assignment" for "review
// assignment".
MessageArg entityTerm(std::string name, std::string_view entity);

// `message` in English: what() of a Problem, a log line, the command line.
std::string english(const Message& message);

}  // namespace citygrants::core
