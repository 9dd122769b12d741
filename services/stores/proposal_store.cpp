#include "services/stores/proposal_store.h"

#include <stdexcept>
#include <utility>

#include "services/stores/indicator_store.h"
#include "services/stores/proposal_rows.h"
#include "services/stores/sql_util.h"

namespace citygrants::stores {

std::int64_t ProposalStore::insert(db::Tx& tx, const Proposal& p, std::int64_t now) {
  std::int64_t id = 0;
  tx.sql()
      << "INSERT INTO proposals (call_id, city_org_id, reference, state, current_version, "
         "created_by, created_at, updated_at, state_since) VALUES (:call, :city, :ref, :state, "
         ":cv, :by, :now, :now2, :now3) RETURNING id",
      soci::use(p.call_id), soci::use(p.city_org_id), soci::use(p.reference), soci::use(p.state),
      soci::use(p.current_version), soci::use(p.created_by), soci::use(now), soci::use(now),
      soci::use(now), soci::into(id);
  return id;
}

std::optional<Proposal> ProposalStore::load(db::Tx& tx, std::int64_t id) {
  static const std::string query =
      std::string("SELECT ") + kProposalColumns + " FROM proposals p WHERE p.id = :id";
  if (auto row = readRow<ProposalRow>(tx, query, id)) return std::move(row->proposal);
  return std::nullopt;
}

std::optional<ProposalWithCurrent> ProposalStore::loadCurrent(db::Tx& tx, std::int64_t id) {
  static const std::string query =
      std::string("SELECT ") + kProposalColumns + ", " + kVersionColumns + ", " +
      kCallTermsColumns +
      " FROM proposals p JOIN proposal_versions v ON v.proposal_id = p.id AND v.number = "
      "p.current_version JOIN calls c ON c.id = p.call_id WHERE p.id = :id";
  ProposalRow proposal;
  VersionRow version;
  CallTermsRow call;
  {
    auto st = tx.prepared(query);
    st.use(id);
    proposal.bind(st);
    version.bind(st);
    call.bind(st);
    if (!st.execute()) return std::nullopt;
  }
  proposal.finish();
  version.finish(tx);
  call.finish();
  return ProposalWithCurrent{std::move(proposal.proposal), std::move(version.version),
                             std::move(call.call)};
}

namespace {

// state_since (migration 0027) in an UPDATE that sets the state: the time of the change when the
// state changes (the right-hand `state` is the row's old one), else as it was. Binds the new
// state, then the time.
const std::string kSetStateSince =
    "state_since = CASE WHEN state = :new_state THEN state_since ELSE :since END, ";

}  // namespace

void ProposalStore::update(db::Tx& tx, Proposal& p, std::int64_t now) {
  const int eligible = p.eligible_future ? 1 : 0;
  static const std::string query =
      "UPDATE proposals SET state = :state, current_version = :cv, supporting_org_id = :sup, "
      "award_minor = :award, award_proposed_by = :by, eligible_future = :el, updated_at = :now, " +
      kSetStateSince + "version = version + 1 WHERE id = :id AND version = :v";
  auto st = tx.prepared(query);
  st.use(p.state).use(p.current_version).use(p.supporting_org_id).use(p.award_minor);
  st.use(p.award_proposed_by).use(eligible).use(now).use(p.state).use(now).use(p.id).use(p.version);
  executeVersioned(st, "proposal");
  p.version += 1;
  p.updated_at = now;
}

void ProposalStore::updateState(db::Tx& tx, Proposal& p, std::int64_t now) {
  static const std::string query =
      "UPDATE proposals SET state = :state, current_version = :cv, updated_at = :now, " +
      kSetStateSince + "version = version + 1 WHERE id = :id AND version = :v";
  auto st = tx.prepared(query);
  st.use(p.state).use(p.current_version).use(now).use(p.state).use(now).use(p.id).use(p.version);
  executeVersioned(st, "proposal");
  p.version += 1;
  p.updated_at = now;
}

int ProposalStore::claimReferenceNumber(db::Tx& tx, int year) {
  std::int64_t n = 0;
  auto st = tx.prepared(
      "INSERT INTO proposal_reference_counters (year, last_number) VALUES (:y, 1) "
      "ON CONFLICT (year) DO UPDATE SET last_number = proposal_reference_counters.last_number + 1 "
      "RETURNING last_number");
  st.use(year).into(n);
  st.execute();
  return static_cast<int>(n);
}

namespace {

// Budget lines 1..n of a version that has none; their ids, in order.
std::vector<std::int64_t> insertLines(db::Tx& tx, std::int64_t version_id,
                                      const std::vector<proposals::BudgetLine>& lines) {
  std::vector<std::int64_t> ids;
  int seq = 0;
  for (const auto& line : lines) {
    ++seq;
    std::int64_t id = 0;
    auto st = tx.prepared(
        "INSERT INTO budget_lines (version_id, seq, category, description, amount_minor) "
        "VALUES (:v, :s, :cat, :d, :a) RETURNING id");
    st.use(version_id).use(seq).use(line.category).use(line.description).use(line.amount_minor);
    st.into(id);
    st.execute();
    ids.push_back(id);
  }
  return ids;
}

}  // namespace

std::int64_t ProposalStore::insertVersion(db::Tx& tx, ProposalVersion& v, std::int64_t now,
                                          std::optional<std::int64_t> same_targets_as) {
  std::int64_t id = 0;
  const auto& c = v.content;
  const std::string groups = joinList(c.target_groups);
  const int frozen = v.frozen ? 1 : 0;
  {
    auto st = tx.prepared(
        "INSERT INTO proposal_versions (proposal_id, number, stage, language, title, summary, "
        "target_groups, beneficiaries, duration_months, amount_minor, translation_en, frozen, "
        "created_by, created_at) VALUES (:p, :n, :stage, :lang, :title, :summary, :groups, "
        ":ben, :dur, :amount, :tr, :frozen, :by, :now) RETURNING id");
    st.use(v.proposal_id).use(v.number).use(v.stage).use(c.language).use(c.title).use(c.summary);
    st.use(groups).use(c.beneficiaries).use(c.duration_months).use(c.amount_minor);
    st.use(v.translation_en).use(frozen).use(v.created_by).use(now).into(id);
    st.execute();
  }
  v.id = id;
  v.budget_line_ids = insertLines(tx, id, c.budget);
  if (same_targets_as) {
    IndicatorStore::copyPlans(tx, *same_targets_as, id);
  } else {
    IndicatorStore::replacePlans(tx, id, c.indicators);
  }
  return id;
}

std::optional<ProposalVersion> ProposalStore::loadVersion(db::Tx& tx, std::int64_t proposal_id,
                                                          int number) {
  static const std::string query = std::string("SELECT ") + kVersionColumns +
                                   " FROM proposal_versions v WHERE v.proposal_id = :p AND "
                                   "v.number = :n";
  VersionRow row;
  {
    auto st = tx.prepared(query);
    st.use(proposal_id).use(number);
    row.bind(st);
    if (!st.execute()) return std::nullopt;
  }
  row.finish(tx);
  return row.version;
}

void ProposalStore::replaceContent(db::Tx& tx, std::int64_t version_id,
                                   const proposals::ProposalContent& c) {
  int frozen = 0;
  {
    auto st = tx.prepared("SELECT frozen FROM proposal_versions WHERE id = :id");
    st.use(version_id).into(frozen);
    st.execute();
  }
  if (frozen != 0) throw std::logic_error("a frozen proposal version cannot change");
  const std::string groups = joinList(c.target_groups);
  {
    auto st = tx.prepared(
        "UPDATE proposal_versions SET language = :lang, title = :title, summary = :summary, "
        "target_groups = :groups, beneficiaries = :ben, duration_months = :dur, "
        "amount_minor = :amount WHERE id = :id AND frozen = 0");
    st.use(c.language).use(c.title).use(c.summary).use(groups).use(c.beneficiaries);
    st.use(c.duration_months).use(c.amount_minor).use(version_id);
    st.execute();
  }
  {
    auto st = tx.prepared("DELETE FROM budget_lines WHERE version_id = :v");
    st.use(version_id);
    st.execute();
  }
  insertLines(tx, version_id, c.budget);
  IndicatorStore::replacePlans(tx, version_id, c.indicators);
}

void ProposalStore::setStage(db::Tx& tx, std::int64_t version_id, const std::string& stage) {
  tx.sql() << "UPDATE proposal_versions SET stage = :s WHERE id = :id", soci::use(stage),
      soci::use(version_id);
}

void ProposalStore::setTranslation(db::Tx& tx, std::int64_t version_id, const std::string& text) {
  tx.sql() << "UPDATE proposal_versions SET translation_en = :t WHERE id = :id", soci::use(text),
      soci::use(version_id);
}

void ProposalStore::freeze(db::Tx& tx, std::int64_t version_id) {
  auto st = tx.prepared("UPDATE proposal_versions SET frozen = 1 WHERE id = :id");
  st.use(version_id);
  st.execute();
}

void ProposalStore::insertDecision(db::Tx& tx, const Decision& d, std::int64_t now) {
  auto st = tx.prepared(
      "INSERT INTO decisions (proposal_id, event, amount_minor, rationale, decided_by, created_at) "
      "VALUES (:p, :e, :a, :r, :by, :now)");
  st.use(d.proposal_id).use(d.event).use(d.amount_minor).use(d.rationale).use(d.decided_by).use(now);
  st.execute();
}

}  // namespace citygrants::stores
