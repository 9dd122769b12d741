#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "modules/access/actor_disclosure.h"
#include "modules/core/reference.h"
#include "services/audit/audit_log.h"
#include "services/db/database.h"

// Reading the audit chain: one event's row with who acted and which record it is, and the
// filters of the audit lists, timelines and exports.
namespace citygrants::audit {

// One stored audit event.
struct AuditRow {
  std::int64_t seq = 0;
  AuditEntry entry;
  std::string hash;
  // Who acted, as the users and organisations tables name them when the event is read (when
  // entry.actor_id names a user). Never part of the hashed row: people and organisations may be
  // renamed, the chain may not change.
  std::optional<access::Person> person;
  // The person as the reader may know them: set by the use case that answers (access::discloseTo).
  std::optional<access::ActorView> actor;
  // How people name the record: its reference (GCF-2026-0014-T1) for a proposal, grant, tranche
  // or report; for a review assignment, the reference of the proposal it reviews; else nothing.
  std::optional<std::string> reference;
};

// Events of the record a reference names, as the `reference` of their rows reads: a proposal's
// own and its review assignments', a grant's, a tranche's or a report's.
struct ReferenceFilter {
  std::string text;              // the canonical reference
  core::RecordReference parsed;  // the same, read
};

// Which events a list or an export of the chain covers: all, or those matching every filter
// given.
struct AuditFilter {
  std::optional<std::string> entity;      // one kind of record
  std::optional<std::int64_t> entity_id;  // one record (with entity)
  std::optional<std::int64_t> actor_id;   // one person
  std::optional<std::string> event;
  std::optional<ReferenceFilter> reference;
  std::optional<std::int64_t> from;  // epoch ms: at or after (inclusive)
  std::optional<std::int64_t> to;    // epoch ms: before (exclusive)

  bool empty() const {
    return !entity && !entity_id && !actor_id && !event && !reference && !from && !to;
  }
};

// The filters present as " WHERE ..." (or "") over events aliased `e`, with `before_seq` when
// given (e.seq < it), their values exchanged into `st` by name. Only filters present appear, so
// that the (entity, entity_id) index serves a record's timeline. Call once per statement;
// `filter` must outlive the statement.
// The columns that name an event's actor, read beside the event (users.name, then the user's
// organisation's id, name and kind): exchange() them into a statement after the event's own
// columns, then person() for each row fetched.
struct ActorColumns {
  std::optional<std::string> name;
  std::optional<std::int64_t> org_id;
  std::optional<std::string> org_name;
  std::optional<std::string> org_kind;

  void exchange(soci::statement& st);
  std::optional<access::Person> person(const std::optional<std::int64_t>& actor_id) const;
};

std::string auditWhere(const AuditFilter& filter, const std::optional<std::int64_t>& before_seq,
                       soci::statement& st);

// Events matching `filter`, newest first, before sequence `before_seq`; at most `limit`; each
// with its actor's person and its record's reference, joined in the same query (one statement).
// The rows' `actor` is left empty.
std::vector<AuditRow> listAudit(db::Tx& tx, const AuditFilter& filter,
                                const std::optional<std::int64_t>& before_seq, int limit);

// How many events match `filter`: what listAudit pages through. Without a filter, the head's
// sequence number (the chain has no gaps).
std::int64_t countAudit(db::Tx& tx, const AuditFilter& filter);

// Whether a record has the reference `filter` names.
bool referenceExists(db::Tx& tx, const ReferenceFilter& filter);

}  // namespace citygrants::audit
