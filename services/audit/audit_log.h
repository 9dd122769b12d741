#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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

// Appends `entry` to the hash chain inside `tx`, a write: onto the head that the writer's order
// gives it (SQLite's one writer; PostgreSQL's writer lock, under which the Tx read the head), so
// writers on any instance chain in commit order. Returns the entry's sequence number.
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

// Recomputes every hash in order and checks the sequence and the head.
Verification verifyAudit(db::Database& db);

}  // namespace citygrants::audit
