#include "services/stores/call_store.h"

#include <utility>

#include "services/stores/call_text_store.h"
#include "services/stores/chapter_store.h"
#include "services/stores/indicator_store.h"
#include "services/stores/proposal_rows.h"
#include "services/stores/sql_util.h"

namespace citygrants::stores {

std::int64_t CallStore::insert(db::Tx& tx, const Call& given, std::int64_t now) {
  Call c = given;  // its criteria get their ids, which their translations need
  auto& sql = tx.sql();
  std::int64_t id = 0;
  const int two_stage = c.two_stage ? 1 : 0;
  sql << "INSERT INTO calls (code, title, description, state, two_stage, currency, budget_minor, "
         "min_award_minor, max_award_minor, threshold_minor, max_duration_months, opens_at, "
         "closes_at, created_by, created_at, updated_at) VALUES (:code, :title, :descr, :state, "
         ":two, :cur, :budget, :min, :max, :thr, :dur, :opens, :closes, :by, :now, :now2) "
         "RETURNING id",
      soci::use(c.code), soci::use(c.title), soci::use(c.description), soci::use(c.state),
      soci::use(two_stage), soci::use(c.currency), soci::use(c.budget_minor),
      soci::use(c.min_award_minor), soci::use(c.max_award_minor), soci::use(c.threshold_minor),
      soci::use(c.max_duration_months), soci::use(c.opens_at), soci::use(c.closes_at),
      soci::use(c.created_by), soci::use(now), soci::use(now), soci::into(id);
  int seq = 0;
  for (auto& cr : c.criteria) {
    ++seq;
    sql << "INSERT INTO criteria (call_id, seq, code, name, weight, guidance) "
           "VALUES (:c, :s, :code, :n, :w, :g) RETURNING id",
        soci::use(id), soci::use(seq), soci::use(cr.code), soci::use(cr.name), soci::use(cr.weight),
        soci::use(cr.guidance), soci::into(cr.id);
  }
  c.id = id;
  CallTextStore::insert(tx, c);
  for (const auto& item : c.plan) {
    sql << "INSERT INTO tranche_plan_items (call_id, seq, share_bp, trigger_kind) "
           "VALUES (:c, :s, :bp, :t)",
        soci::use(id), soci::use(item.seq), soci::use(item.share_bp), soci::use(item.trigger);
  }
  IndicatorStore::replaceForCall(tx, id, c.indicators);
  ChapterStore::replaceForCall(tx, id, c.chapters);
  return id;
}

std::optional<Call> CallStore::loadTerms(db::Tx& tx, std::int64_t id) {
  static const std::string query =
      std::string("SELECT ") + kCallTermsColumns + " FROM calls c WHERE c.id = :id";
  if (auto row = readRow<CallTermsRow>(tx, query, id)) return std::move(row->call);
  return std::nullopt;
}

std::optional<Call> CallStore::load(db::Tx& tx, std::int64_t id) {
  auto found = loadTerms(tx, id);
  if (!found) return std::nullopt;
  auto& c = *found;
  review::Criterion cr;
  auto crit = tx.prepared(
      "SELECT id, code, name, weight, guidance FROM criteria WHERE call_id = :id ORDER BY seq");
  crit.use(id).into(cr.id).into(cr.code).into(cr.name).into(cr.weight).into(cr.guidance);
  for (bool row = crit.execute(); row; row = crit.fetch()) c.criteria.push_back(cr);

  TranchePlanItem item;
  auto plan = tx.prepared(
      "SELECT seq, share_bp, trigger_kind FROM tranche_plan_items WHERE call_id = :id ORDER BY seq");
  plan.use(id).into(item.seq).into(item.share_bp).into(item.trigger);
  for (bool row = plan.execute(); row; row = plan.fetch()) c.plan.push_back(item);
  c.indicators = IndicatorStore::ofCall(tx, id);
  c.chapters = ChapterStore::ofCall(tx, id);
  CallTextStore::load(tx, c);
  return found;
}

std::vector<std::int64_t> CallStore::listIds(db::Tx& tx) {
  return idList(tx.sql(), "SELECT id FROM calls ORDER BY id");
}

bool CallStore::codeTaken(db::Tx& tx, const std::string& code) {
  int n = 0;
  tx.sql() << "SELECT COUNT(*) FROM calls WHERE code = :c", soci::use(code), soci::into(n);
  return n > 0;
}

void CallStore::update(db::Tx& tx, const Call& c, std::int64_t now) {
  soci::statement st =
      (tx.sql().prepare << "UPDATE calls SET state = :state, opens_at = :opens, updated_at = :now, "
                           "version = version + 1 WHERE id = :id AND version = :v",
       soci::use(c.state), soci::use(c.opens_at), soci::use(now), soci::use(c.id),
       soci::use(c.version));
  executeVersioned(st, "call");
}

std::int64_t CallStore::awardedTotal(db::Tx& tx, std::int64_t call_id) {
  return scalarInt(tx.sql(), "SELECT COALESCE(SUM(amount_minor), 0) FROM grants WHERE call_id = :c",
                    call_id);
}

}  // namespace citygrants::stores
