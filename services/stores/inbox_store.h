#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "services/db/database.h"
#include "services/stores/assignment_list.h"
#include "services/stores/call_store.h"
#include "services/stores/grant_store.h"
#include "services/stores/proposal_list.h"
#include "services/stores/proposal_store.h"
#include "services/stores/review_store.h"
#include "services/stores/visibility.h"

// What the inbox reads: the records in the states that may wait for a reader, scoped as the
// lists scope them, each with what its machine's guards look at, its title and city, and since
// when it is in its state (`since`: its latest audit event into that state from another one,
// else its creation; a proposal keeps it in a column, migration 0027). One statement per
// function (two for proposals) whatever the number of rows, in id order (proposals in none).
namespace citygrants::stores {

struct WaitingProposal {
  Proposal proposal;  // every column but eligible_future, created_by, updated_at, version
  std::string title;  // of the current version
  std::string city_name;
  std::int64_t requested_minor = 0;  // the current version's amount
  std::string language = "en";       // the current version's
  int translated = 0;  // 1 when the current version has its English translation (where read)
  std::int64_t since = 0;
  std::vector<Assignment> assignments;  // every one, any version: proposal_id, version_number,
                                        // partner_org_id, state
};

// A call of waiting proposals, as their guards look at it.
struct WaitingCall {
  Call call;                       // id, state, closes_at, threshold_minor, budget_minor
  std::int64_t awarded_total = 0;  // Σ grant amounts of the call (CallStore::awardedTotal)
};

struct WaitingProposals {
  std::vector<WaitingProposal> rows;
  std::map<std::int64_t, WaitingCall> calls;  // by id: the calls of the rows
};

// Which proposals the inbox reads whole (InboxStore::proposals).
struct WaitingProposalQuery {
  std::vector<std::string> states;  // every proposal in these
  std::vector<std::int64_t> ids;    // and these (InboxStore::longestWaiting)
  // Whether the current version is translated is read in these states only (0 in the others).
  std::vector<std::string> translation_read_in;
};

struct WaitingAssignment {
  Assignment assignment;  // id, proposal_id, version_number, partner_org_id, state
  std::string proposal_reference;
  std::string proposal_state;
  std::string title;
  std::int64_t city_org_id = 0;
  std::string city_name;
  std::int64_t since = 0;
};

struct WaitingGrant {
  Grant grant;  // id, proposal_id, call_id, city_org_id, supporting_org_id, reference, state
  std::string title;
  std::string city_name;
  bool tranches_settled = false;       // every tranche disbursed or cancelled
  bool final_report_accepted = false;  // a final report of the grant is accepted
  std::int64_t since = 0;
};

// The grant a tranche or a report belongs to, as the inbox shows it.
struct WaitingParent {
  std::int64_t id = 0;
  std::string reference;
  std::string state;
  std::int64_t city_org_id = 0;
  std::string city_name;
  std::int64_t supporting_org_id = 0;
  std::string title;
};

struct WaitingTranche {
  Tranche tranche;  // every column but idempotency_key
  WaitingParent grant;
  std::optional<std::string> previous_state;  // the tranche before it in the schedule
  std::optional<std::string> report_state;    // the report it waits for, if any
  bool report_overdue = false;                // some report of the grant is a draft past due
  std::int64_t since = 0;
};

struct WaitingAmendment {
  std::int64_t id = 0;
  std::string state;
  WaitingParent grant;
  std::int64_t since = 0;
};

struct WaitingReport {
  Report report;  // id, grant_id, seq, kind, state, due_at
  WaitingParent grant;
  std::int64_t since = 0;
};

// The joins that give the proposal aliased `p` its current version's title (`v`) and its city's
// name (`o`), for InboxStore's statements (inbox_store.cpp, inbox_proposals.cpp).
inline constexpr const char* kWaitingProposalJoins =
    " JOIN proposal_versions v ON v.proposal_id = p.id AND v.number = p.current_version"
    " JOIN organisations o ON o.id = p.city_org_id";

// A grant's reports are due while it runs: in these states of the grant machine (signed, not yet
// completed, closed or terminated).
inline constexpr const char* kRunningGrantStates[] = {"active", "suspended"};

class InboxStore {
 public:
  // The proposals `scope` sees (proposalWhere: visibility only, its filters unset) that `query`
  // names, with every assignment of each, and their calls. Two statements.
  // REQUIRES: the query's states are states of the proposal machine, each at most once.
  static WaitingProposals proposals(db::Tx& tx, const ProposalQuery& scope,
                                    const WaitingProposalQuery& query);
  // The ids of the `limit` proposals of each of `states` that have been in it longest: for a
  // reader who sees every proposal, whom each waits for whatever its facts and never by a due
  // date. One statement, reading the index proposals_state_since (migration 0029).
  // REQUIRES: states is not empty; limit >= 1.
  static std::vector<std::int64_t> longestWaiting(db::Tx& tx,
                                                  const std::vector<std::string>& states,
                                                  int limit);
  // How many proposals there are in each of `states` (a state with none may be absent or 0),
  // from the tallies (migration 0026): for a reader who sees every one. One statement.
  // REQUIRES: states is not empty.
  static std::map<std::string, std::int64_t, std::less<>> proposalCounts(
      db::Tx& tx, const std::vector<std::string>& states);
  // The review assignments `scope` sees (assignmentWhere) in `states`, with their proposal.
  // REQUIRES: 1 <= states.size() <= 5.
  static std::vector<WaitingAssignment> assignments(db::Tx& tx, const AssignmentQuery& scope,
                                                    const std::vector<std::string>& states);
  // The grants `v` sees in `states`. REQUIRES: 1 <= states.size() <= 6.
  static std::vector<WaitingGrant> grants(db::Tx& tx, const Visibility& v,
                                          const std::vector<std::string>& states);
  // The tranches of the grants `v` sees in `states`; a draft report due before `now` is
  // overdue. REQUIRES: 1 <= states.size() <= 6.
  static std::vector<WaitingTranche> tranches(db::Tx& tx, const Visibility& v,
                                              const std::vector<std::string>& states,
                                              std::int64_t now);
  // The reports of the grants `v` sees in `states`, drafts only while they are due: their grant
  // runs (kRunningGrantStates) and they are overdue at `now` or the grant's next due (no draft of
  // the grant is due earlier). With `overdue_drafts`, also every draft of a running grant due
  // before `now` (what the fund follows up), whatever `states`. REQUIRES: states.size() <= 3.
  static std::vector<WaitingReport> reports(db::Tx& tx, const Visibility& v,
                                            const std::vector<std::string>& states,
                                            bool overdue_drafts, std::int64_t now);
  // The amendments in `states` of the grants `v` sees. REQUIRES: 1 <= states.size() <= 7.
  static std::vector<WaitingAmendment> amendments(db::Tx& tx, const Visibility& v,
                                                  const std::vector<std::string>& states);
};

// ---- what waits for an admin or an auditor (inbox_admin_store.cpp) ----

// An account an admin locked (users.locked_until).
struct LockedUser {
  std::int64_t id = 0;
  std::string email;
  std::string name;
  std::string organisation;
  std::int64_t locked_until = 0;
  std::int64_t since = 0;  // the latest "lock" audit event, else the account's creation
};

// An email whose sign-ins are refused after repeated failures (login_attempts).
struct SignInLockout {
  std::string email_hash;  // SHA-256 of the lower-cased email
  std::int64_t since = 0;  // when the lockout began
  std::int64_t locked_until = 0;
};

// A user as the admin's inbox names them.
struct UserName {
  std::int64_t id = 0;
  std::string email;
  std::string name;
  std::string organisation;
  std::int64_t created_at = 0;
};

// A message the outbox tried to send and could not (yet): unsent, with an error recorded.
struct FailedMail {
  std::int64_t id = 0;
  std::string to_email;
  std::string template_key;
  std::string subject;
  int attempts = 0;
  std::int64_t created_at = 0;
  std::int64_t next_attempt_at = 0;
  std::string last_error;
  std::optional<std::int64_t> dead_at;  // not tried again unless an admin requeues it
};

// The audit chain: how long it is and when its first and last events were written.
struct AuditChainHead {
  std::int64_t last_seq = 0;
  std::optional<std::int64_t> first_at;
  std::optional<std::int64_t> last_at;
};

class InboxAdminStore {
 public:
  // Accounts an admin locked until after `now`, in id order.
  static std::vector<LockedUser> lockedUsers(db::Tx& tx, std::int64_t now);
  // Sign-in lockouts still running at `now`.
  static std::vector<SignInLockout> signInLockouts(db::Tx& tx, std::int64_t now);
  // Every user with an email, in id order (to match lockouts, which know only a digest).
  static std::vector<UserName> users(db::Tx& tx);
  // Unsent messages with a recorded error, oldest first.
  static std::vector<FailedMail> failedMail(db::Tx& tx);
  static AuditChainHead auditChain(db::Tx& tx);
};

}  // namespace citygrants::stores
