#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "modules/access/access_rules.h"
#include "modules/core/problem.h"

// What one row of a machine's table says: from, event, to, who, guards, needs, and what the step
// does — its effect on the record and the tags the generic service acts on.
namespace citygrants::workflow {

using access::Actor;
using access::Role;
using access::RoleSet;

// Fields an event requires in its input, as a bit mask on the table row.
enum Need : unsigned {
  kNone = 0,
  kReason = 1u << 0,            // a reason, feedback or rationale in words
  kAmount = 1u << 1,            // a positive amount in minor units
  kPaymentReference = 1u << 2,  // the bank's reference of the payment
  kIdempotencyKey = 1u << 3,    // the client's key, so a retried disbursement happens once
  kNoConflict = 1u << 4,        // the reviewer declares no conflict of interest
};
inline constexpr Need kAllNeeds[] = {kReason, kAmount, kPaymentReference, kIdempotencyKey,
                                     kNoConflict};
std::string_view needName(Need need);

// What the actor sends with an event.
struct Input {
  std::optional<std::string> reason;
  std::optional<std::int64_t> amount_minor;
  std::optional<std::string> payment_reference;
  std::optional<std::string> idempotency_key;
  bool no_conflict_declared = false;
  bool eligible_future = false;  // decline_concept: the city may apply in a future round
  std::optional<std::string> sector_code;  // approve: the service's own DAC purpose code
};

// The named fields of `needs` that `input` lacks, each as a field error.
std::vector<core::FieldError> missingNeeds(unsigned needs, const Input& input);

// What the generic service does for a row beyond its effect on the record, as a bit mask.
enum Tag : unsigned {
  kNoTags = 0,
  kWritesTerms = 1u << 0,         // more of the record than its state changes: write it whole
  kFreezesVersion = 1u << 1,      // the current version is frozen: what was submitted never changes
  kStartsNextVersion = 1u << 2,   // a new, unfrozen version (the full proposal) copies the current
  kNamesMissingFields = 1u << 3,  // a refused submission names every field that is missing
  kRecordsDecision = 1u << 4,     // a fund manager's decision, kept in `decisions` with its reason
  kDecidesAward = 1u << 5,        // the decision carries the award (decision row, audit detail)
  kFlagsFutureRound = 1u << 6,    // the audit detail says whether the city may apply again
  kCreatesGrant = 1u << 7,        // the grant, its tranches and its reports are created
  kCancelsOpenTranches = 1u << 8,  // every tranche still open is cancelled, each with its audit row
  kChecksDisbursedSum = 1u << 9,   // Σ disbursed of the grant must stay within its amount
  kChecksTerms = 1u << 10,         // an amendment's terms must still apply to the grant as it is
  kMovesMoney = 1u << 11,          // money is committed or paid: a fresh second factor (step-up)
};
inline constexpr Tag kAllTags[] = {kWritesTerms,        kFreezesVersion,  kStartsNextVersion,
                                   kNamesMissingFields, kRecordsDecision, kDecidesAward,
                                   kFlagsFutureRound,   kCreatesGrant,    kCancelsOpenTranches,
                                   kChecksDisbursedSum, kChecksTerms,     kMovesMoney};
std::string_view tagName(Tag tag);

// The mail a step sends (services/mail says to whom and in which words).
enum class Notice : std::uint8_t {
  kNone,
  kSubmitted,          // fund managers: a submission to screen; the city: a receipt
  kRevisionRequested,  // the city: what to revise, with the reason
  kRejected,           // the city: the refusal and its reason
  kConceptInvited,     // the city: invited to a full proposal, with the feedback
  kConceptDeclined,    // the city: the concept note declined, with the feedback
  kApproved,           // the city: the award and the new grant
  kTrancheRequested,   // the supporting partner (to verify) and the fund managers
  kTrancheVerified,    // the fund managers: a tranche to approve
  kTrancheDisbursed,   // the city: the payment; and the reports due next
  kReportsDue,         // the city: the reports due next
  kAmendmentRequested,  // the fund managers (and the supporting partner when it reviews)
  kAmendmentReviewed,   // the fund managers: the partner's review, to decide
  kAmendmentDecided,    // the proposing side: approved or rejected, with the reason
  kAmendmentApplied,    // the city's applicants: the new terms of the grant
};
std::string_view noticeName(Notice notice);

// A named, pure check of a record's facts and the actor. On failure the step is refused with
// `kind` and `message` (a key of the message catalogs: "guard.<machine>.<name>").
template <class Facts>
struct Guard {
  std::string_view name;
  bool (*check)(const Facts&, const Actor&);
  core::ProblemKind kind;
  core::MessageKey message;
};

// A named, pure change a step makes to its record beside the state: who did it and when, what
// the input carried. `now` is the step's time (epoch ms).
template <class Record>
struct Effect {
  std::string_view name;
  void (*apply)(Record&, const Actor&, const Input&, std::int64_t now);
};

// One event of a machine and the name clients send for it (the only place it is spelt).
template <class Event>
struct EventName {
  Event event;
  std::string_view name;
};

// One row of a machine's table. `Types` names the machine's Facts, Event and Record.
template <class Types>
struct Transition {
  using Facts = typename Types::Facts;
  using Event = typename Types::Event;
  using Record = typename Types::Record;
  std::string_view from;
  Event event;
  std::string_view to;
  RoleSet who;
  std::array<const Guard<Facts>*, 4> guards{};  // unused slots are null
  unsigned needs = kNone;
  const Effect<Record>* effect = nullptr;  // none: the step changes only the state
  unsigned tags = kNoTags;
  Notice notice = Notice::kNone;
  constexpr bool has(Tag tag) const { return (tags & tag) != 0; }
};

// A machine: its states, its events with their names, its table, and the states in which the
// record's owner may still edit its content. `Facts` must have a member `scope` (access::Scope).
template <class Types>
struct Machine {
  using Facts = typename Types::Facts;
  using Event = typename Types::Event;
  using Record = typename Types::Record;
  std::string_view name;    // "proposal", "tranche", ...
  std::string_view entity;  // how people call one record: "proposal", "tranche"
  std::span<const std::string_view> states;
  std::span<const EventName<Event>> events;  // in the enum's order, each once
  std::span<const Transition<Types>> transitions;
  std::span<const std::string_view> editable = {};
};

}  // namespace citygrants::workflow
