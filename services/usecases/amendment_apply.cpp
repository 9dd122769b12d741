#include "services/usecases/amendment_apply.h"

#include "services/audit/audit_log.h"
#include "services/stores/amendment_store.h"
#include "services/stores/reminder_store.h"
#include "services/usecases/funding_service.h"
#include "services/usecases/grant_terms.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {
namespace {

// Writes each tranche whose amount or state the new terms change, each with its audit row.
void replanTranches(db::Tx& tx, const access::Actor& actor, const stores::Grant& g,
                    const records::GrantTerms& after, std::int64_t amendment_id,
                    std::int64_t now) {
  for (const auto& t : stores::GrantStore::tranchesOf(tx, g.id)) {
    for (const auto& planned : after.tranches) {
      if (planned.seq != t.seq) continue;
      if (planned.amount_minor == t.amount_minor && planned.state == t.state) continue;
      stores::AmendmentStore::replanTranche(tx, t.id, t.version, planned.amount_minor,
                                            planned.state, now);
      audit::appendAudit(tx, {actor.user_id, "tranche", t.id, "replan", t.state, planned.state,
                              Detail()
                                  .number("amendment_id", amendment_id)
                                  .number("from_amount_minor", t.amount_minor)
                                  .number("amount_minor", planned.amount_minor)
                                  .json(),
                              now});
    }
  }
}

// Moves the due date of every report not yet submitted by `shift`, each with its audit row.
std::vector<std::int64_t> moveDueDates(db::Tx& tx, const access::Actor& actor,
                                       const stores::Grant& g, std::int64_t shift,
                                       std::int64_t amendment_id, std::int64_t now) {
  std::vector<std::int64_t> moved;
  for (const auto& r : stores::GrantStore::reportsOf(tx, g.id)) {
    if (r.state == "submitted" || r.state == "accepted") continue;
    const std::int64_t due = r.due_at + shift;
    stores::AmendmentStore::moveReportDue(tx, r.id, r.version, due, now);
    audit::appendAudit(tx, {actor.user_id, "report", r.id, "move_due_date", r.state, r.state,
                            Detail()
                                .number("amendment_id", amendment_id)
                                .number("from_due_at", r.due_at)
                                .number("due_at", due)
                                .json(),
                            now});
    moved.push_back(r.id);
  }
  return moved;
}

}  // namespace

void onDueDatesMoved(db::Tx& tx, const std::vector<std::int64_t>& report_ids) {
  // The reminders sent against the old due dates say nothing of the new ones: the clock counts
  // these reports' windows afresh (a report overdue before an extension is reminded again when
  // it falls due again, never for the days the extension removed).
  for (const auto id : report_ids) stores::ReminderStore::forget(tx, clock::RecordKind::kReport, id);
}

records::GrantTerms applyAmendment(db::Tx& tx, const access::Actor& actor,
                                   const records::Amendment& a, const stores::Grant& g,
                                   std::int64_t now) {
  ensureTermsVersions(tx, g, now);
  const auto before = liveTerms(tx, g);
  auto after = grants::applied(before, a.terms);
  after.amendment_id = a.id;
  after.created_at = now;
  stores::AmendmentStore::insertTerms(tx, g.id, after, now);
  stores::AmendmentStore::updateGrantTerms(tx, g.id, g.version, after.amount_minor, after.ends_at,
                                           now);
  audit::appendAudit(tx, {actor.user_id, "grant", g.id, "amend", g.state, g.state,
                          Detail()
                              .number("amendment_id", a.id)
                              .number("terms_version", after.number)
                              .number("amount_minor", after.amount_minor)
                              .number("ends_at", after.ends_at)
                              .json(),
                          now});
  replanTranches(tx, actor, g, after, a.id, now);
  if (after.ends_at != before.ends_at) {
    const auto moved = moveDueDates(tx, actor, g, after.ends_at - before.ends_at, a.id, now);
    onDueDatesMoved(tx, moved);
  }
  if (after.amount_minor != before.amount_minor) {
    allocateNewGrant(tx, g.id, g.call_id, after.amount_minor);  // chapters follow the amount
  }
  return after;
}

}  // namespace citygrants::usecases
