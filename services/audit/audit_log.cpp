#include "services/audit/audit_log.h"

#include <stdexcept>

#include "services/crypto/digest.h"
#include "services/db/optional_soci.h"

namespace citygrants::audit {
namespace {

void field(std::string& out, const std::string& value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ';';
}

}  // namespace

std::string canonicalForm(std::int64_t seq, const AuditEntry& e) {
  std::string out;
  field(out, std::to_string(seq));
  field(out, e.actor_id ? std::to_string(*e.actor_id) : "");
  field(out, e.entity);
  field(out, std::to_string(e.entity_id));
  field(out, e.event);
  field(out, e.from_state);
  field(out, e.to_state);
  field(out, e.detail);
  field(out, std::to_string(e.at));
  return out;
}

std::string chainHash(const std::string& prev_hash, const std::string& canonical) {
  return crypto::sha256Hex(prev_hash + canonical);
}

bool changesIdentity(const std::string& entity) { return entity == "user" || entity == "api_token"; }

namespace {

constexpr const char* kInsertEvent =
    "INSERT INTO audit_events (seq, actor_id, entity, entity_id, event, from_state, to_state, "
    "detail, at, prev_hash, hash) VALUES (:seq, :actor, :entity, :eid, :event, :from, :to, "
    ":detail, :at, :prev, :hash)";

// Prepared keeps the values' addresses until it executes: every one outlives this call.
void bindEvent(db::Prepared& insert, const std::int64_t& seq, const AuditEntry& e,
               const std::string& prev, const std::string& hash) {
  insert.use(seq).use(e.actor_id).use(e.entity).use(e.entity_id).use(e.event).use(e.from_state);
  insert.use(e.to_state).use(e.detail).use(e.at).use(prev).use(hash);
}

// PostgreSQL: the write read the head with its BEGIN (db::AuditHead), so the event and the new
// head are one statement, one round trip under the writer lock. The head moves only from the
// value read: a writer that did not take the lock and moved it since fails this use case.
std::int64_t appendOnto(db::Tx& tx, db::AuditHead& head, const AuditEntry& e, int identity) {
  const std::int64_t seq = head.seq + 1;
  std::string hash = chainHash(head.hash, canonicalForm(seq, e));
  auto insert = tx.prepared(std::string("WITH event AS (") + kInsertEvent +
                            ") UPDATE audit_head SET last_seq = :head_seq, last_hash = :head_hash, "
                            "identity_seq = identity_seq + :identity WHERE id = 1 "
                            "AND last_seq = :read_seq");
  bindEvent(insert, seq, e, head.hash, hash);
  insert.use(seq).use(hash).use(identity).use(head.seq);
  insert.execute();
  if (insert.affectedRows() != 1) {
    throw std::runtime_error("the audit head moved under the writer lock: another write took none");
  }
  head = {seq, std::move(hash), head.identity + identity};
  return seq;
}

}  // namespace

std::int64_t appendAudit(db::Tx& tx, const AuditEntry& e) {
  const int identity = changesIdentity(e.entity) ? 1 : 0;
  if (db::AuditHead* head = tx.auditHead()) return appendOnto(tx, *head, e, identity);
  // SQLite, whose writer serialises the use cases and whose statements cost no round trip (and a
  // PostgreSQL schema change, which read no head): the head is read as it moves.
  std::int64_t seq = 0;
  std::string prev;
  {
    auto head = tx.prepared(
        "UPDATE audit_head SET last_seq = last_seq + 1, identity_seq = identity_seq + :identity "
        "WHERE id = 1 RETURNING last_seq, last_hash");
    head.use(identity).into(seq).into(prev);
    head.execute();
  }
  const std::string hash = chainHash(prev, canonicalForm(seq, e));
  {
    auto insert = tx.prepared(kInsertEvent);
    bindEvent(insert, seq, e, prev, hash);
    insert.execute();
  }
  auto link = tx.prepared("UPDATE audit_head SET last_hash = :hash WHERE id = 1");
  link.use(hash);
  link.execute();
  return seq;
}

Verification verifyAudit(db::Database& db) {
  Verification out;
  auto tx = db.read();
  auto& sql = tx.sql();
  std::int64_t id = 0;
  std::int64_t seq = 0;
  AuditEntry e;
  std::string stored_prev;
  std::string stored_hash;
  soci::statement st =
      (sql.prepare << "SELECT id, seq, actor_id, entity, entity_id, event, from_state, to_state, "
                      "detail, at, prev_hash, hash FROM audit_events ORDER BY seq",
       soci::into(id), soci::into(seq), soci::into(e.actor_id), soci::into(e.entity),
       soci::into(e.entity_id), soci::into(e.event), soci::into(e.from_state),
       soci::into(e.to_state), soci::into(e.detail), soci::into(e.at), soci::into(stored_prev),
       soci::into(stored_hash));
  st.execute();
  std::string prev(64, '0');
  std::int64_t expected_seq = 1;
  auto fail = [&](std::string why) {
    out.ok = false;
    out.bad_seq = seq;
    out.bad_id = id;
    out.reason = std::move(why);
  };
  while (st.fetch()) {
    ++out.rows;
    if (seq != expected_seq) {
      fail("sequence gap: expected " + std::to_string(expected_seq));
      break;
    }
    if (stored_prev != prev) {
      fail("prev_hash does not match the previous row's hash");
      break;
    }
    if (chainHash(prev, canonicalForm(seq, e)) != stored_hash) {
      fail("hash does not match the row's content");
      break;
    }
    prev = stored_hash;
    ++expected_seq;
  }
  if (out.ok) {
    std::int64_t head_seq = 0;
    std::string head_hash;
    sql << "SELECT last_seq, last_hash FROM audit_head WHERE id = 1", soci::into(head_seq),
        soci::into(head_hash);
    if (head_seq != expected_seq - 1 || head_hash != prev) {
      out.ok = false;
      out.bad_seq = expected_seq;
      out.reason = "the chain ends before its recorded head (rows deleted at the end?)";
    }
  }
  tx.commit();
  return out;
}

}  // namespace citygrants::audit
