#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "services/db/database.h"

namespace citygrants::audit {

// One thing that happened: who did what to which record, from which state to which.
struct AuditEntry {
  std::optional<std::int64_t> actor_id;  // null for the system (migrations, the seed)
  std::string entity;                     // "proposal", "tranche", ...
  std::int64_t entity_id = 0;
  std::string event;
  std::string from_state;
  std::string to_state;
  std::string detail = "{}";              // a JSON object
  std::int64_t at = 0;                    // epoch ms
};

// Whether an audited change to `entity` can change who a credential stands for: users (their
// organisation, roles, activity, sessions) and API tokens. Such entries also move the identity
// generation (Database::generations). Every write to users, user_roles, sessions (other than
// the last-seen touch) and api_tokens is audited under one of these entities.
bool changesIdentity(const std::string& entity);

// Appends `entry` to the hash chain inside `tx`. Serialised through the one audit_head row, so
// concurrent writers on any database chain in commit order. Returns the entry's sequence number.
std::int64_t appendAudit(db::Tx& tx, const AuditEntry& entry);

// The canonical form a row's hash covers: every field length-prefixed, in a fixed order.
std::string canonicalForm(std::int64_t seq, const AuditEntry& entry);

// SHA-256 of prev_hash followed by the canonical form, as lowercase hex.
std::string chainHash(const std::string& prev_hash, const std::string& canonical);

// The result of recomputing the whole chain.
struct Verification {
  bool ok = true;
  std::int64_t rows = 0;                 // rows checked
  std::optional<std::int64_t> bad_seq;   // the first row that does not hold
  std::optional<std::int64_t> bad_id;
  std::string reason;                    // what is wrong with it
};

// Who an event's actor is, as the users and organisations tables name them when the event is
// read. Never part of the hashed row: people and organisations may be renamed, the chain may not
// change.
struct ActorName {
  std::string name;          // the user's
  std::string organisation;  // the name of the user's organisation
};

// One stored audit event.
struct AuditRow {
  std::int64_t seq = 0;
  AuditEntry entry;
  std::string hash;
  std::optional<ActorName> actor;  // when entry.actor_id names a user
};

// Which events a list or an export of the chain covers: all, or only those of one kind of
// record (and one record), of one actor, of one event.
struct AuditFilter {
  std::optional<std::string> entity;
  std::optional<std::int64_t> entity_id;
  std::optional<std::int64_t> actor_id;
  std::optional<std::string> event;
};

// The filters present as " WHERE ..." (or "") over events aliased `e`, with `before_seq` when
// given (e.seq < it), their values exchanged into `st` by name. Only filters present appear, so
// that the (entity, entity_id) index serves a record's timeline. Call once per statement.
std::string auditWhere(const AuditFilter& filter, const std::optional<std::int64_t>& before_seq,
                       soci::statement& st);

// Events matching `filter`, newest first, before sequence `before_seq`; at most `limit`; each
// with its actor's name and organisation, joined in the same query.
std::vector<AuditRow> listAudit(db::Tx& tx, const AuditFilter& filter,
                                const std::optional<std::int64_t>& before_seq, int limit);

// How many events match `filter`: what listAudit pages through. Without a filter, the head's
// sequence number (the chain has no gaps).
std::int64_t countAudit(db::Tx& tx, const AuditFilter& filter);

// Recomputes every hash in order and checks the sequence and the head.
Verification verifyAudit(db::Database& db);

}  // namespace citygrants::audit
