#include "services/usecases/grant_terms.h"

#include <stdexcept>

#include "services/stores/amendment_store.h"
#include "services/stores/call_store.h"
#include "services/stores/proposal_store.h"
#include "services/usecases/grant_schedule.h"

namespace citygrants::usecases {
namespace {

// The budget lines of the grant's approved proposal version, each with its amount.
std::vector<records::LineChange> awardedLines(db::Tx& tx, const stores::Grant& g) {
  auto p = stores::ProposalStore::load(tx, g.proposal_id);
  if (!p) throw std::logic_error("a grant without its proposal");
  auto v = stores::ProposalStore::loadVersion(tx, p->id, p->current_version);
  if (!v) throw std::logic_error("a proposal without its current version");
  std::vector<records::LineChange> out;
  for (std::size_t i = 0; i < v->budget_line_ids.size() && i < v->content.budget.size(); ++i) {
    out.push_back({v->budget_line_ids[i], v->content.budget[i].amount_minor});
  }
  return out;
}

}  // namespace

std::int64_t awardedEndOf(const stores::Grant& g) {
  return g.created_at + g.duration_months * kMonthMs;
}

std::int64_t startOf(const stores::Grant& g) { return g.signed_at.value_or(g.created_at); }

records::GrantTerms liveTerms(db::Tx& tx, const stores::Grant& g) {
  const auto versions = stores::AmendmentStore::termsOf(tx, g.id);
  records::GrantTerms out;
  out.number = versions.empty() ? 1 : versions.back().number;
  out.amount_minor = g.amount_minor;
  out.ends_at = stores::AmendmentStore::grantEndsAt(tx, g.id).value_or(awardedEndOf(g));
  out.budget_lines = versions.empty() ? awardedLines(tx, g) : versions.back().budget_lines;
  for (const auto& t : stores::GrantStore::tranchesOf(tx, g.id)) {
    records::TermTranche tr{t.seq, t.amount_minor, t.trigger, std::nullopt, t.state};
    if (!versions.empty()) {
      for (const auto& planned : versions.back().tranches) {
        if (planned.seq != t.seq) continue;
        tr.milestone = planned.milestone;
        tr.planned_at = planned.planned_at;
      }
    }
    out.tranches.push_back(tr);
  }
  return out;
}

std::vector<records::GrantTerms> ensureTermsVersions(db::Tx& tx, const stores::Grant& g,
                                                     std::int64_t now) {
  auto versions = stores::AmendmentStore::termsOf(tx, g.id);
  if (!versions.empty()) return versions;
  auto first = liveTerms(tx, g);
  first.number = 1;
  first.created_at = now;
  stores::AmendmentStore::insertTerms(tx, g.id, first, now);
  return {first};
}

grants::TermsContext termsContextOf(db::Tx& tx, const stores::Grant& g) {
  const auto call = stores::CallStore::load(tx, g.call_id);
  if (!call) throw std::logic_error("a grant without its call");
  return {startOf(g), call->budget_minor - stores::CallStore::awardedTotal(tx, g.call_id)};
}

}  // namespace citygrants::usecases
