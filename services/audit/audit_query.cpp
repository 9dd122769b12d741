#include "services/audit/audit_query.h"

#include "services/db/optional_soci.h"
#include "services/stores/sql_util.h"
#include "services/stores/where.h"

namespace citygrants::audit {
namespace {

using core::RecordKind;

// The events of the record `f` names, over events `e`, its values exchanged into `st`. A
// proposal's, grant's and tranche's by their reference column; a report, which has none, by its
// grant's proposal and its number; a proposal's review assignments with the proposal.
void addReference(stores::Where& where, const ReferenceFilter& f, soci::statement& st) {
  switch (f.parsed.kind) {
    case RecordKind::kProposal:
      where.add(
          "((e.entity = 'proposal' AND e.entity_id IN "
          "(SELECT rp.id FROM proposals rp WHERE rp.reference = :ref)) OR "
          "(e.entity = 'review_assignment' AND e.entity_id IN (SELECT ra.id FROM "
          "review_assignments ra JOIN proposals rap ON rap.id = ra.proposal_id "
          "WHERE rap.reference = :ref_of)))");
      st.exchange(soci::use(f.text, "ref"));
      st.exchange(soci::use(f.text, "ref_of"));
      return;
    case RecordKind::kGrant:
      where.add(
          "e.entity = 'grant' AND e.entity_id IN "
          "(SELECT rg.id FROM grants rg WHERE rg.reference = :ref)",
          f.text, "ref");
      return;
    case RecordKind::kTranche:
      where.add(
          "e.entity = 'tranche' AND e.entity_id IN "
          "(SELECT rt.id FROM tranches rt WHERE rt.reference = :ref)",
          f.text, "ref");
      return;
    case RecordKind::kReport:
      where.add(
          "e.entity = 'report' AND e.entity_id IN (SELECT rr.id FROM reports rr "
          "JOIN grants rrg ON rrg.id = rr.grant_id JOIN proposals rrp ON rrp.id = rrg.proposal_id "
          "WHERE rrp.reference = :ref AND rr.seq = :ref_seq)");
      st.exchange(soci::use(f.parsed.proposal_reference, "ref"));
      st.exchange(soci::use(f.parsed.seq, "ref_seq"));
      return;
  }
}

// The joins that read each event's actor and record reference (listAudit's columns).
constexpr const char* kJoined =
    "SELECT e.seq, e.actor_id, e.entity, e.entity_id, e.event, e.from_state, e.to_state, "
    "e.detail, e.at, e.hash, u.name, o.id, o.name, o.kind, "
    "COALESCE(jp.reference, jg.reference, jt.reference, jap.reference), jrp.reference, jr.seq "
    "FROM audit_events e "
    "LEFT JOIN users u ON u.id = e.actor_id LEFT JOIN organisations o ON o.id = u.org_id "
    "LEFT JOIN proposals jp ON e.entity = 'proposal' AND jp.id = e.entity_id "
    "LEFT JOIN grants jg ON e.entity = 'grant' AND jg.id = e.entity_id "
    "LEFT JOIN tranches jt ON e.entity = 'tranche' AND jt.id = e.entity_id "
    "LEFT JOIN review_assignments ja ON e.entity = 'review_assignment' AND ja.id = e.entity_id "
    "LEFT JOIN proposals jap ON jap.id = ja.proposal_id "
    "LEFT JOIN reports jr ON e.entity = 'report' AND jr.id = e.entity_id "
    "LEFT JOIN grants jrg ON jrg.id = jr.grant_id "
    "LEFT JOIN proposals jrp ON jrp.id = jrg.proposal_id";

}  // namespace

void ActorColumns::exchange(soci::statement& st) {
  st.exchange(soci::into(name));
  st.exchange(soci::into(org_id));
  st.exchange(soci::into(org_name));
  st.exchange(soci::into(org_kind));
}

std::optional<access::Person> ActorColumns::person(
    const std::optional<std::int64_t>& actor_id) const {
  if (!actor_id || !name || !org_id) return std::nullopt;
  return access::Person{
      *actor_id, *name, *org_id, org_name.value_or(""),
      access::parseOrgKind(org_kind.value_or("")).value_or(access::OrgKind::kCity)};
}

std::string auditWhere(const AuditFilter& f, const std::optional<std::int64_t>& before_seq,
                       soci::statement& st) {
  stores::Where where(st);
  if (f.entity) where.add("e.entity = :entity", *f.entity, "entity");
  if (f.entity_id) where.add("e.entity_id = :eid", *f.entity_id, "eid");
  if (f.actor_id) where.add("e.actor_id = :actor", *f.actor_id, "actor");
  if (f.event) where.add("e.event = :event", *f.event, "event");
  if (f.reference) addReference(where, *f.reference, st);
  if (f.from) where.add("e.at >= :from_at", *f.from, "from_at");
  if (f.to) where.add("e.at < :to_at", *f.to, "to_at");
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
  ActorColumns actor;
  std::optional<std::string> reference, report_of;
  std::optional<int> report_seq;
  actor.exchange(st);
  st.exchange(soci::into(reference));
  st.exchange(soci::into(report_of));
  st.exchange(soci::into(report_seq));
  stores::prepareAndRun(
      st, std::string(kJoined) + where + " ORDER BY e.seq DESC LIMIT " + std::to_string(limit));
  std::vector<AuditRow> out;
  while (st.fetch()) {
    r.person = actor.person(e.actor_id);
    r.reference = reference;
    if (report_of && report_seq) r.reference = core::reportReference(*report_of, *report_seq);
    out.push_back(r);
  }
  return out;
}

std::int64_t countAudit(db::Tx& tx, const AuditFilter& filter) {
  std::int64_t n = 0;
  if (filter.empty()) {
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

bool referenceExists(db::Tx& tx, const ReferenceFilter& f) {
  std::int64_t n = 0;
  auto& sql = tx.sql();
  switch (f.parsed.kind) {
    case RecordKind::kProposal:
      sql << "SELECT COUNT(*) FROM proposals WHERE reference = :r", soci::use(f.text),
          soci::into(n);
      break;
    case RecordKind::kGrant:
      sql << "SELECT COUNT(*) FROM grants WHERE reference = :r", soci::use(f.text), soci::into(n);
      break;
    case RecordKind::kTranche:
      sql << "SELECT COUNT(*) FROM tranches WHERE reference = :r", soci::use(f.text), soci::into(n);
      break;
    case RecordKind::kReport:
      sql << "SELECT COUNT(*) FROM reports r JOIN grants g ON g.id = r.grant_id "
             "JOIN proposals p ON p.id = g.proposal_id WHERE p.reference = :r AND r.seq = :s",
          soci::use(f.parsed.proposal_reference), soci::use(f.parsed.seq), soci::into(n);
      break;
  }
  return n > 0;
}

}  // namespace citygrants::audit
