#include "services/usecases/grant_schedule.h"

#include <stdexcept>

#include "modules/core/money.h"
#include "modules/core/reference.h"
#include "services/audit/audit_log.h"
#include "services/stores/search_store.h"
#include "services/usecases/funding_service.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

stores::Grant createGrant(db::Tx& tx, const stores::Proposal& proposal, const stores::Call& call,
                          const stores::ProposalVersion& version, std::int64_t award,
                          const std::string& sector_code, std::int64_t actor_id, std::int64_t now) {
  if (!proposal.supporting_org_id) throw std::logic_error("a grant needs a supporting partner");
  stores::Grant g;
  g.proposal_id = proposal.id;
  g.call_id = call.id;
  g.city_org_id = proposal.city_org_id;
  g.supporting_org_id = *proposal.supporting_org_id;
  g.reference = core::grantReference(proposal.reference);
  g.currency = call.currency;
  g.amount_minor = award;
  g.sector_code = sector_code;
  g.duration_months = version.content.duration_months > 0 ? version.content.duration_months
                                                           : call.max_duration_months;
  g.id = stores::GrantStore::insert(tx, g, now);
  stores::SearchIndex::reindex(tx, stores::SearchIndex::Kind::kGrant, g.id);
  allocateNewGrant(tx, g.id, call.id, award);  // whose money it is: the call's chapters in order
  audit::appendAudit(tx, {actor_id, "grant", g.id, "create", "", g.state,
                          Detail().number("amount_minor", award).text("currency", g.currency).json(),
                          now});

  // Reports: mid-term progress (only when a tranche waits for it), then financial and final.
  const std::int64_t end = now + g.duration_months * kMonthMs;
  bool wants_progress = false;
  for (const auto& item : call.plan) wants_progress |= item.trigger == "progress_report";
  std::optional<std::int64_t> progress_id;
  std::optional<std::int64_t> final_id;
  int seq = 0;
  auto addReport = [&](const std::string& kind, std::int64_t due) {
    stores::Report r;
    r.grant_id = g.id;
    r.seq = ++seq;
    r.kind = kind;
    r.due_at = due;
    r.id = stores::GrantStore::insertReport(tx, r, now);
    return r.id;
  };
  if (wants_progress) progress_id = addReport("progress", now + (g.duration_months / 2) * kMonthMs);
  addReport("financial", end + kMonthMs);
  final_id = addReport("final", end + kMonthMs);

  std::vector<int> shares;
  for (const auto& item : call.plan) shares.push_back(item.share_bp);
  const auto amounts = core::splitByBasisPoints(award, shares);
  for (std::size_t i = 0; i < call.plan.size(); ++i) {
    stores::Tranche t;
    t.grant_id = g.id;
    t.seq = static_cast<int>(i) + 1;
    t.reference = core::trancheReference(proposal.reference, t.seq);
    t.amount_minor = amounts[i];
    t.trigger = call.plan[i].trigger;
    if (t.trigger == "progress_report") t.report_id = progress_id;
    if (t.trigger == "final_report") t.report_id = final_id;
    stores::GrantStore::insertTranche(tx, t, now);
  }
  return *stores::GrantStore::load(tx, g.id);
}

}  // namespace citygrants::usecases
