#include "services/usecases/funding_service.h"

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "modules/access/access_rules.h"
#include "modules/core/money.h"
#include "modules/core/problem.h"
#include "modules/core/text.h"
#include "services/audit/audit_log.h"
#include "services/stores/results_facts.h"
#include "services/usecases/grant_service.h"

namespace citygrants::usecases {
namespace {

using core::FieldError;
using core::Problem;
using core::ProblemKind;

// Per chapter: what the visible grants hold of it and what was paid from it, each disbursed
// tranche attributed to its grant's chapters pro rata (results::attribute).
struct ChapterUse {
  std::int64_t allocated = 0;
  std::int64_t disbursed = 0;
  std::set<std::int64_t> grants;
};

std::map<std::int64_t, ChapterUse> chapterUse(db::Tx& tx, const stores::Visibility& visibility) {
  std::set<std::int64_t> visible;
  for (const auto& g : stores::ResultsFacts::grants(tx, visibility)) visible.insert(g.grant_id);
  std::map<std::int64_t, std::vector<results::Allocation>> by_grant;
  std::map<std::int64_t, ChapterUse> out;
  for (const auto& a : stores::ChapterStore::allocationRows(tx)) {
    if (!visible.contains(a.grant_id)) continue;
    by_grant[a.grant_id].push_back({a.chapter_id, a.amount_minor});
    out[a.chapter_id].allocated += a.amount_minor;
    out[a.chapter_id].grants.insert(a.grant_id);
  }
  std::map<std::int64_t, std::vector<std::int64_t>> payments;  // by grant
  for (const auto& d : stores::ChapterStore::disbursements(tx)) payments[d.grant_id].push_back(d.amount_minor);
  for (const auto& [grant, allocations] : by_grant) {
    const auto paid = results::paidByChapter(payments[grant], allocations);
    for (std::size_t i = 0; i < paid.size(); ++i) out[allocations[i].chapter_id].disbursed += paid[i];
  }
  return out;
}

DonorView donorView(const stores::Organisation& donor, const std::vector<stores::Chapter>& chapters,
                    std::map<std::int64_t, ChapterUse>& use) {
  DonorView v{donor, {}, {}};
  for (const auto& c : chapters) {
    if (c.donor_org_id != donor.id) continue;
    const auto& u = use[c.id];
    v.chapters.push_back({c, donor.name, u.allocated, u.disbursed,
                          static_cast<std::int64_t>(u.grants.size())});
    auto t = std::find_if(v.totals.begin(), v.totals.end(),
                          [&](const auto& m) { return m.currency == c.currency; });
    if (t == v.totals.end()) t = v.totals.insert(v.totals.end(), DonorTotals{c.currency});
    t->committed_minor += c.committed_minor;
    t->allocated_minor += u.allocated;
    t->disbursed_minor += u.disbursed;
  }
  return v;
}

std::vector<FieldError> chapterErrors(const stores::Chapter& c) {
  std::vector<FieldError> e;
  if (!std::regex_match(c.code, std::regex("[A-Z0-9][A-Z0-9-]{2,31}"))) {
    e.push_back({"code", {"field.code_upper", {{"min", 3}, {"max", 32}}}});
  }
  if (auto n = core::utf8Length(c.name); !n || core::isBlank(c.name) || *n > 200) {
    e.push_back({"name", {"field.length", {{"min", 1}, {"max", 200}}}});
  }
  if (auto n = core::utf8Length(c.theme); !n || *n > 200) {
    e.push_back({"theme", {"field.too_long", {{"max", 200}}}});
  }
  if (!core::findCurrency(c.currency)) e.push_back({"currency", "field.currency"});
  if (c.committed_minor < 0) e.push_back({"committed_minor", "field.not_negative"});
  return e;
}

void requireFunding(const Actor& actor) {
  if (!access::may(actor, access::Action::kManageFunding)) {
    throw Problem::forbidden("forbidden.manage_chapters");
  }
}

GrantFunding fundingOf(db::Tx& tx, const Actor& actor, const stores::Grant& g) {
  GrantFunding out{g.id, g.currency, g.amount_minor, g.version, {}, {}};
  std::vector<results::Allocation> mine;
  for (const auto& a : stores::ChapterStore::allocationRows(tx, g.id)) {
    out.lines.push_back({a, 0});
    mine.push_back({a.chapter_id, a.amount_minor});
  }
  std::vector<std::int64_t> payments;
  for (const auto& d : stores::ChapterStore::disbursements(tx, g.id)) payments.push_back(d.amount_minor);
  const auto paid = results::paidByChapter(payments, mine);
  for (std::size_t i = 0; i < paid.size(); ++i) out.lines[i].disbursed_minor = paid[i];
  if (payments.empty() && access::may(actor, access::Action::kAllocateAward) &&
      !stores::ChapterStore::ofCall(tx, g.call_id).empty()) {
    out.actions.push_back("allocate");
  }
  return out;
}

}  // namespace

void allocateNewGrant(db::Tx& tx, std::int64_t grant_id, std::int64_t call_id,
                      std::int64_t award_minor) {
  const auto rooms = stores::ChapterStore::roomsForCall(tx, call_id, grant_id);
  if (rooms.empty()) return;
  const auto filled = results::fillAllocations(award_minor, rooms);
  if (!filled) {
    std::int64_t left = 0;
    for (const auto& r : rooms) left += std::max<std::int64_t>(0, r.left());
    throw Problem::invalidField("amount_minor", {"funding.chapters_short", {{"left", left}}});
  }
  stores::ChapterStore::replaceAllocations(tx, grant_id, *filled);
}

std::vector<DonorView> FundingService::donors(const Actor& actor) {
  auto tx = ctx_.db.read();
  auto use = chapterUse(tx, visibilityOf(actor));
  const auto chapters = stores::ChapterStore::all(tx);
  std::vector<DonorView> out;
  for (const auto& org : stores::DirectoryStore::listOrganisations(tx)) {
    if (org.kind == access::OrgKind::kDonor) out.push_back(donorView(org, chapters, use));
  }
  tx.commit();
  return out;
}

DonorSummary FundingService::donorSummary(const Actor& actor, std::int64_t donor_id) {
  auto tx = ctx_.db.read();
  const auto org = stores::DirectoryStore::findOrganisation(tx, donor_id);
  if (!org || org->kind != access::OrgKind::kDonor) throw Problem::notFound("donor");
  const auto visibility = visibilityOf(actor);
  auto use = chapterUse(tx, visibility);
  DonorSummary out;
  out.donor = donorView(*org, stores::ChapterStore::all(tx), use);
  std::set<std::int64_t> grants;
  for (const auto& c : out.donor.chapters) grants.insert(use[c.chapter.id].grants.begin(), use[c.chapter.id].grants.end());
  out.grants = static_cast<std::int64_t>(grants.size());
  ResultsQuery q;
  q.group_by = GroupBy::kChapter;
  q.donor_id = donor_id;
  out.results = rollUpIn(tx, visibility, q);
  tx.commit();
  return out;
}

stores::Chapter FundingService::addChapter(const Actor& actor, stores::Chapter chapter) {
  requireFunding(actor);
  const auto now = ctx_.clock.nowMs();
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    auto errors = chapterErrors(chapter);
    const auto donor = stores::DirectoryStore::findOrganisation(tx, chapter.donor_org_id);
    if (!donor || donor->kind != access::OrgKind::kDonor) {
      errors.push_back({"donor_id", "funding.donor"});
    }
    if (stores::ChapterStore::codeTaken(tx, chapter.code)) {
      errors.push_back({"code", "funding.chapter_code_taken"});
    }
    if (!errors.empty()) throw Problem::invalid(errors);
    chapter.id = stores::ChapterStore::insert(tx, chapter, now);
    audit::appendAudit(tx, {actor.user_id, "chapter", chapter.id, "create", "", "",
                            Detail()
                                .text("code", chapter.code)
                                .number("committed_minor", chapter.committed_minor)
                                .text("currency", chapter.currency)
                                .json(),
                            now});
    auto out = *stores::ChapterStore::load(tx, chapter.id);
    tx.commit();
    return out;
  });
}

stores::Chapter FundingService::editChapter(const Actor& actor, std::int64_t chapter_id,
                                            std::optional<std::int64_t> expected_version,
                                            const stores::Chapter& edited) {
  requireFunding(actor);
  const auto now = ctx_.clock.nowMs();
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    auto c = stores::ChapterStore::load(tx, chapter_id);
    if (!c) throw Problem::notFound("chapter");
    requireVersion(expected_version, c->version, "chapter");
    c->name = edited.name;
    c->theme = edited.theme;
    c->committed_minor = edited.committed_minor;
    if (auto errors = chapterErrors(*c); !errors.empty()) throw Problem::invalid(errors);
    const auto held = stores::ChapterStore::allocatedOf(tx, chapter_id);
    if (c->committed_minor < held) {
      throw Problem(ProblemKind::kConflict, {"funding.below_allocated", {{"held", held}}});
    }
    stores::ChapterStore::update(tx, *c, now);
    audit::appendAudit(tx, {actor.user_id, "chapter", chapter_id, "edit", "", "",
                            Detail().number("committed_minor", c->committed_minor).json(), now});
    auto out = *stores::ChapterStore::load(tx, chapter_id);
    tx.commit();
    return out;
  });
}

GrantFunding FundingService::ofGrant(const Actor& actor, std::int64_t grant_id) {
  auto tx = ctx_.db.read();
  const auto g = loadVisibleGrant(tx, actor, grant_id);
  auto out = fundingOf(tx, actor, g);
  tx.commit();
  return out;
}

GrantFunding FundingService::allocate(const Actor& actor, std::int64_t grant_id,
                                      std::optional<std::int64_t> expected_version,
                                      const std::vector<results::Allocation>& allocations) {
  const auto now = ctx_.clock.nowMs();
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    auto g = loadVisibleGrant(tx, actor, grant_id);
    if (!access::may(actor, access::Action::kAllocateAward)) {
      throw Problem::forbidden("forbidden.allocate");
    }
    requireVersion(expected_version, g.version, "grant");
    if (!stores::ChapterStore::disbursements(tx, g.id).empty()) {
      throw Problem(ProblemKind::kConflict, "funding.allocation_paid");
    }
    const auto rooms = stores::ChapterStore::roomsForCall(tx, g.call_id, g.id);
    if (auto errors = results::validateAllocations(g.amount_minor, allocations, rooms); !errors.empty()) {
      throw Problem::invalid(errors);
    }
    stores::ChapterStore::replaceAllocations(tx, g.id, allocations);
    stores::GrantStore::update(tx, g, now);  // a new version: the allocation changed
    auto detail = Detail().number("chapters", static_cast<std::int64_t>(allocations.size()));
    audit::appendAudit(tx, {actor.user_id, "grant", g.id, "allocate", g.state, g.state,
                            detail.json(), now});
    auto out = fundingOf(tx, actor, *stores::GrantStore::load(tx, g.id));
    tx.commit();
    return out;
  });
}

}  // namespace citygrants::usecases
