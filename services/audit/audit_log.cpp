#include "services/audit/audit_log.h"

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

std::int64_t appendAudit(db::Tx& tx, const AuditEntry& e) {
  // Taking the head row first locks it (PostgreSQL) or is already serialised (SQLite writer).
  std::int64_t seq = 0;
  std::string prev;
  const int identity = changesIdentity(e.entity) ? 1 : 0;
  {
    auto head = tx.prepared(
        "UPDATE audit_head SET last_seq = last_seq + 1, identity_seq = identity_seq + :identity "
        "WHERE id = 1 RETURNING last_seq, last_hash");
    head.use(identity).into(seq).into(prev);
    head.execute();
  }
  const std::string hash = chainHash(prev, canonicalForm(seq, e));
  // The event and the head's new hash: on PostgreSQL one statement (a round trip fewer for every
  // use case, under the writer lock); SQLite has no INSERT inside WITH, and no round trips.
  const std::string insert_event =
      "INSERT INTO audit_events (seq, actor_id, entity, entity_id, event, from_state, to_state, "
      "detail, at, prev_hash, hash) VALUES (:seq, :actor, :entity, :eid, :event, :from, :to, "
      ":detail, :at, :prev, :hash)";
  const bool postgres = tx.dialect() == db::Dialect::kPostgres;
  {
    auto insert =
        tx.prepared(postgres ? "WITH event AS (" + insert_event +
                                   ") UPDATE audit_head SET last_hash = :head_hash WHERE id = 1"
                             : insert_event);
    insert.use(seq).use(e.actor_id).use(e.entity).use(e.entity_id).use(e.event).use(e.from_state);
    insert.use(e.to_state).use(e.detail).use(e.at).use(prev).use(hash);
    if (postgres) insert.use(hash);
    insert.execute();
  }
  if (!postgres) {
    auto link = tx.prepared("UPDATE audit_head SET last_hash = :hash WHERE id = 1");
    link.use(hash);
    link.execute();
  }
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
