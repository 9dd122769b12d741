#include "services/stores/export_rows.h"

// What each list's export holds: references, titles, names (not ids only), states, money in
// minor units with its currency beside it, times. The rows are the list's: each source filters
// with the list's own WHERE builder.
namespace citygrants::stores {
namespace {

using exports::CellKind;
constexpr CellKind kText = CellKind::kText;
constexpr CellKind kInt = CellKind::kInteger;
constexpr CellKind kMoney = CellKind::kMoney;
constexpr CellKind kTime = CellKind::kDateTime;
constexpr CellKind kDay = CellKind::kDate;

// The current version of a proposal `p`, its call and its city.
constexpr const char* kProposalJoins =
    " JOIN proposal_versions v ON v.proposal_id = p.id AND v.number = p.current_version"
    " JOIN calls c ON c.id = p.call_id JOIN organisations o ON o.id = p.city_org_id";

}  // namespace

ExportSource proposalRows(const ProposalQuery& q) {
  const bool by_update = q.sort == "updated_at" || q.sort == "-updated_at";
  // clang-format off
  return {"proposals", {
      {{"reference",          kText},  "p.reference"},
      {{"title",              kText},  "v.title"},
      {{"state",              kText},  "p.state"},
      {{"call",               kText},  "c.code"},
      {{"city",               kText},  "o.name"},
      {{"country",            kText},  "o.country"},
      {{"supporting_partner", kText},  "sp.name"},
      {{"language",           kText},  "v.language"},
      {{"amount_requested",   kMoney}, "v.amount_minor"},
      {{"amount_awarded",     kMoney}, "p.award_minor"},
      {{"currency",           kText},  "c.currency"},
      {{"created_at",         kTime},  "p.created_at"},
      {{"updated_at",         kTime},  "p.updated_at"},
    },
    std::string(" FROM proposals p") + kProposalJoins +
        " LEFT JOIN organisations sp ON sp.id = p.supporting_org_id",
    by_update ? "p.updated_at" : "p.id", "p.id", q.sort.starts_with("-"),
    [q](soci::statement& st) { return proposalWhere(q, st); }};
  // clang-format on
}

ExportSource assignmentRows(const AssignmentQuery& q) {
  // clang-format off
  return {"reviews", {
      {{"proposal_reference", kText},  "p.reference"},
      {{"proposal_title",     kText},  "v.title"},
      {{"city",               kText},  "o.name"},
      {{"partner",            kText},  "po.name"},
      {{"state",              kText},  "a.state"},
      {{"proposal_state",     kText},  "p.state"},
      {{"version_reviewed",   kInt},   "a.version_number"},
      {{"amount_requested",   kMoney}, "v.amount_minor"},
      {{"currency",           kText},  "c.currency"},
      {{"criteria",           kInt},   "(SELECT COUNT(*) FROM criteria k WHERE k.call_id = p.call_id)"},
      {{"criteria_scored",    kInt},   "(SELECT COUNT(*) FROM review_scores s JOIN criteria ks ON "
                                       "ks.id = s.criterion_id WHERE s.assignment_id = a.id AND "
                                       "ks.call_id = p.call_id)"},
      {{"assigned_at",        kTime},  "a.created_at"},
      {{"declared_at",        kTime},  "a.declared_at"},
      {{"submitted_at",       kTime},  "a.submitted_at"},
    },
    std::string(" FROM review_assignments a JOIN proposals p ON p.id = a.proposal_id") +
        kProposalJoins + " JOIN organisations po ON po.id = a.partner_org_id",
    "a.id", "a.id", true,
    [q](soci::statement& st) { return assignmentWhere(q, st, false); }};
  // clang-format on
}

ExportSource grantRows(const GrantQuery& q) {
  // clang-format off
  return {"grants", {
      {{"reference",          kText},  "g.reference"},
      {{"title",              kText},  "v.title"},
      {{"state",              kText},  "g.state"},
      {{"call",               kText},  "c.code"},
      {{"city",               kText},  "o.name"},
      {{"country",            kText},  "o.country"},
      {{"supporting_partner", kText},  "sp.name"},
      {{"amount",             kMoney}, "g.amount_minor"},
      {{"disbursed",          kMoney}, "(SELECT COALESCE(SUM(t.amount_minor), 0) FROM tranches t "
                                       "WHERE t.grant_id = g.id AND t.state = 'disbursed')"},
      {{"currency",           kText},  "g.currency"},
      {{"duration_months",    kInt},   "g.duration_months"},
      {{"signed_at",          kTime},  "g.signed_at"},
      {{"created_at",         kTime},  "g.created_at"},
    },
    " FROM grants g JOIN proposals p ON p.id = g.proposal_id"
    " JOIN proposal_versions v ON v.proposal_id = p.id AND v.number = p.current_version"
    " JOIN calls c ON c.id = g.call_id JOIN organisations o ON o.id = g.city_org_id"
    " JOIN organisations sp ON sp.id = g.supporting_org_id",
    "g.id", "g.id", false,
    [q](soci::statement& st) { return grantWhere(q, st, false); }};
  // clang-format on
}

ExportSource trancheRows(const TrancheQuery& q) {
  // clang-format off
  return {"tranches", {
      {{"reference",          kText},  "t.reference"},
      {{"grant_reference",    kText},  "g.reference"},
      {{"seq",                kInt},   "t.seq"},
      {{"trigger",            kText},  "t.trigger_kind"},
      {{"state",              kText},  "t.state"},
      {{"city",               kText},  "o.name"},
      {{"supporting_partner", kText},  "sp.name"},
      {{"amount",             kMoney}, "t.amount_minor"},
      {{"currency",           kText},  "g.currency"},
      {{"requested_at",       kTime},  "t.requested_at"},
      {{"disbursed_at",       kTime},  "t.disbursed_at"},
      {{"payment_reference",  kText},  "t.payment_reference"},
    },
    " FROM tranches t JOIN grants g ON g.id = t.grant_id"
    " JOIN organisations o ON o.id = g.city_org_id JOIN organisations sp ON sp.id = g.supporting_org_id",
    "t.id", "t.id", false,
    [q](soci::statement& st) { return trancheWhere(q, st, false); }};
  // clang-format on
}

ExportSource reportRows(const ReportQuery& q) {
  // clang-format off
  return {"reports", {
      {{"grant_reference",    kText},  "g.reference"},
      {{"seq",                kInt},   "r.seq"},
      {{"kind",               kText},  "r.kind"},
      {{"state",              kText},  "r.state"},
      {{"call",               kText},  "c.code"},
      {{"city",               kText},  "o.name"},
      {{"supporting_partner", kText},  "sp.name"},
      {{"due_on",             kDay},   "r.due_at"},
      {{"submitted_at",       kTime},  "r.submitted_at"},
      {{"accepted_at",        kTime},  "r.accepted_at"},
      {{"spent",              kMoney}, "(SELECT SUM(s.actual_minor) FROM report_spending s "
                                       "WHERE s.report_id = r.id)"},
      {{"currency",           kText},  "g.currency"},
    },
    " FROM reports r JOIN grants g ON g.id = r.grant_id JOIN calls c ON c.id = g.call_id"
    " JOIN organisations o ON o.id = g.city_org_id JOIN organisations sp ON sp.id = g.supporting_org_id",
    "r.id", "r.id", false,
    [q](soci::statement& st) { return reportWhere(q, st); }};
  // clang-format on
}

ExportSource auditRows(const audit::AuditFilter& f) {
  // clang-format off
  return {"audit", {
      {{"seq",          kInt},  "e.seq"},
      {{"at",           kTime}, "e.at"},
      {{"actor_id",     kInt},  "e.actor_id"},
      {{"actor",        kText}, "u.name"},
      {{"organisation", kText}, "uo.name"},
      {{"entity",       kText}, "e.entity"},
      {{"entity_id",    kInt},  "e.entity_id"},
      {{"event",        kText}, "e.event"},
      {{"from_state",   kText}, "e.from_state"},
      {{"to_state",     kText}, "e.to_state"},
      {{"detail",       kText}, "e.detail"},
      {{"hash",         kText}, "e.hash"},
    },
    " FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id"
    " LEFT JOIN organisations uo ON uo.id = u.org_id",
    "e.seq", "e.seq", true,
    [f](soci::statement& st) { return audit::auditWhere(f, std::nullopt, st); }};
  // clang-format on
}

}  // namespace citygrants::stores
