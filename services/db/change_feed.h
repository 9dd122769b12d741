#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace citygrants::db {

class Connection;

// One audited change as the feed sees it: the record, the proposal whose family it belongs to
// (a proposal, its grant, tranches, reports, amendments, reviews and messages) and that
// proposal's call, when the record has one; the states it moved between.
struct ChangedRecord {
  std::string entity;
  std::int64_t entity_id = 0;
  std::string event;
  std::optional<std::int64_t> family;  // the proposal's id (the feed's query finds it)
  std::optional<std::int64_t> call;    // the family's call
  std::string from_state;
  std::string to_state;
  std::optional<std::int64_t> city;    // the family's city
};

// The keys of cached answers a change makes stale. Every change touches kAnyChange; a change in
// a proposal's family touches the family, its call's awards and the proposal lists it may show
// in (by state when it names the proposal's states, else every list; by city, or every city's
// when its city is not known); a user's sign-in, sign-out,
// step-up, password or sessions touch that user alone; anything else (calls, organisations,
// chapters, indicators, exports, people's names and roles) touches kGlobalChange: every answer's.
std::vector<std::string> changeKeys(const ChangedRecord& change);

// The keys an answer may depend on (ApiResponse::depends_on), built here so that readers and
// changeKeys agree on their spelling.
namespace change_key {
inline constexpr const char* kAnyChange = "any";
inline constexpr const char* kGlobalChange = "global";
std::string family(std::int64_t proposal_id);      // the proposal and every record of its family
std::string callAwards(std::int64_t call_id);      // what the call has awarded (budget guards)
std::string proposalList(std::string_view state);  // proposal lists filtered on that state
inline constexpr const char* kAnyProposalList = "plist";  // every proposal list
// Proposal lists filtered on any state: a change of the family that names no proposal state.
inline constexpr const char* kUnknownProposalState = "plist:?";
// One of the list keys above for the lists filtered on a city too ("plist:draft@12"): the
// lists of one city change only with its own proposals.
std::string inCity(std::string_view list_key, std::int64_t city_org_id);
std::string user(std::int64_t user_id);            // the reader's identity
}  // namespace change_key

// What changed since this process last looked, read from the audit chain: every committed use
// case on any instance appends its events there, each naming the record it changed, so an
// instance learns of another's writes by reading the events after the last one it saw. A cached
// answer records the generation (audit_head.last_seq) it was computed at and the keys it
// depends on; it stays valid while no later event touched one of them (unchangedSince).
// Remembers the last change of at most `max_keys` keys; past that it forgets them all and
// answers "changed" for anything computed before (never a stale answer, only a miss).
// Thread-safe.
class ChangeFeed {
 public:
  explicit ChangeFeed(std::size_t max_keys = 100'000) : max_keys_(max_keys) {}

  // Brings the feed up to `head` (a last_seq just read), reading the events it has not seen from
  // `conn`. One caller reads at a time; the others wait for it. On PostgreSQL `conn` should keep
  // generic plans (Connection::Plans::kGeneric): PostgreSQL plans this statement afresh at every
  // execution otherwise, as it expects the values of a narrow range of seq to pay for it — 0.75
  // ms of planning for 0.02 ms of work, once per commit, half of PostgreSQL's CPU under a stream
  // of transitions (the generic plan reads audit_events by seq and each family by key; without
  // JIT, which its cost, a guess of 580 events, would buy at every execution: 40 ms).
  void catchUp(Connection& conn, std::int64_t head);
  // Applies changes seq by seq (catchUp's work; tests call it directly).
  void apply(std::int64_t seq, const ChangedRecord& change);
  // Whether no change after `generation` touched kGlobalChange or any of `keys` (empty `keys`:
  // kAnyChange, any change at all).
  bool unchangedSince(const std::vector<std::string>& keys, std::int64_t generation) const;
  // The last event seen; -1 before the first catchUp.
  std::int64_t seen() const;

 private:
  void touch(const std::string& key, std::int64_t seq);  // REQUIRES: unique lock held

  const std::size_t max_keys_;
  std::mutex catching_up_;             // one reader of the audit at a time
  mutable std::shared_mutex mutex_;    // guards what follows
  std::int64_t seen_ = -1;
  std::int64_t floor_ = 0;             // answers computed before this are stale (keys forgotten)
  std::unordered_map<std::string, std::int64_t> last_change_;
};

}  // namespace citygrants::db
