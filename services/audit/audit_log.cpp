#include "services/audit/audit_log.h"

#include "services/crypto/digest.h"
#include "services/db/optional_soci.h"
#include "services/stores/sql_util.h"
#include "services/stores/where.h"

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
  {
    auto insert = tx.prepared(
        "INSERT INTO audit_events (seq, actor_id, entity, entity_id, event, from_state, to_state, "
        "detail, at, prev_hash, hash) VALUES (:seq, :actor, :entity, :eid, :event, :from, :to, "
        ":detail, :at, :prev, :hash)");
    insert.use(seq).use(e.actor_id).use(e.entity).use(e.entity_id).use(e.event).use(e.from_state);
    insert.use(e.to_state).use(e.detail).use(e.at).use(prev).use(hash);
    insert.execute();
  }
  auto link = tx.prepared("UPDATE audit_head SET last_hash = :hash WHERE id = 1");
  link.use(hash);
  link.execute();
  return seq;
}

std::string auditWhere(const AuditFilter& f, const std::optional<std::int64_t>& before_seq,
                       soci::statement& st) {
  stores::Where where(st);
  if (f.entity) where.add("e.entity = :entity", *f.entity, "entity");
  if (f.entity_id) where.add("e.entity_id = :eid", *f.entity_id, "eid");
  if (f.actor_id) where.add("e.actor_id = :actor", *f.actor_id, "actor");
  if (f.event) where.add("e.event = :event", *f.event, "event");
  if (before_seq) where.add("e.seq < :before", *before_seq, "before");
  return where.sql();
}

std::vector<AuditRow> listAudit(db::Tx& tx, const AuditFilter& filter,
                                const std::optional<std::int64_t>& before_seq, int limit) {
  AuditRow r;
  auto& e = r.entry;
  soci::statement st(tx.sql());
  const std::string where = auditWhere(filter, before_seq, st);
  st.exchange(soci::into(r.seq));
  st.exchange(soci::into(e.actor_id));
  st.exchange(soci::into(e.entity));
  st.exchange(soci::into(e.entity_id));
  st.exchange(soci::into(e.event));
  st.exchange(soci::into(e.from_state));
  st.exchange(soci::into(e.to_state));
  st.exchange(soci::into(e.detail));
  st.exchange(soci::into(e.at));
  st.exchange(soci::into(r.hash));
  std::optional<std::string> actor_name;
  std::optional<std::string> actor_org;
  st.exchange(soci::into(actor_name));
  st.exchange(soci::into(actor_org));
  stores::prepareAndRun(
      st,
      "SELECT e.seq, e.actor_id, e.entity, e.entity_id, e.event, e.from_state, e.to_state, "
      "e.detail, e.at, e.hash, u.name, o.name FROM audit_events e "
      "LEFT JOIN users u ON u.id = e.actor_id LEFT JOIN organisations o ON o.id = u.org_id" +
          where + " ORDER BY e.seq DESC LIMIT " + std::to_string(limit));
  std::vector<AuditRow> out;
  while (st.fetch()) {
    r.actor.reset();
    if (actor_name) r.actor = ActorName{*actor_name, actor_org.value_or("")};
    out.push_back(r);
  }
  return out;
}

std::int64_t countAudit(db::Tx& tx, const AuditFilter& filter) {
  std::int64_t n = 0;
  if (!filter.entity && !filter.entity_id && !filter.actor_id && !filter.event) {
    tx.sql() << "SELECT last_seq FROM audit_head WHERE id = 1", soci::into(n);
    return n;
  }
  soci::statement st(tx.sql());
  const std::string where = auditWhere(filter, std::nullopt, st);
  st.exchange(soci::into(n));
  stores::prepareAndRun(st, "SELECT COUNT(*) FROM audit_events e" + where);
  st.fetch();
  return n;
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
