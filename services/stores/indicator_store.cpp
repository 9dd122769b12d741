#include "services/stores/indicator_store.h"

#include <algorithm>
#include <map>

#include "services/stores/plan_text.h"
#include "services/stores/sql_util.h"

namespace citygrants::stores {
namespace {

constexpr const char* kColumns =
    "id, code, unit, aggregation, dimensions, name_en, name_fr, name_es, name_pt, definition_en, "
    "definition_fr, definition_es, definition_pt, active, version";
// The same, of indicators aliased `i` in a join.
constexpr const char* kQualifiedColumns =
    "i.id, i.code, i.unit, i.aggregation, i.dimensions, i.name_en, i.name_fr, i.name_es, "
    "i.name_pt, i.definition_en, i.definition_fr, i.definition_es, i.definition_pt, i.active, "
    "i.version";

// Raw columns of one indicator row, turned into the domain record by toIndicator().
struct Row {
  results::Indicator i;
  std::string unit, aggregation, dims;
  int active = 1;

  void bind(db::Prepared& st) {
    st.into(i.id).into(i.code).into(unit).into(aggregation).into(dims);
    for (auto& n : i.names) st.into(n);
    for (auto& d : i.definitions) st.into(d);
    st.into(active).into(i.version);
  }
  results::Indicator toIndicator() const {
    auto out = i;
    out.unit = results::unitNamed(unit).value_or(results::Unit::kPeople);
    out.aggregation = results::aggregationNamed(aggregation).value_or(results::Aggregation::kSum);
    out.dimensions = splitList(dims);
    out.active = active != 0;
    return out;
  }
};

std::optional<results::Indicator> loadWhere(db::Tx& tx, const std::string& where,
                                            const auto& value) {
  Row row;
  auto st = tx.prepared(std::string("SELECT ") + kColumns + " FROM indicators WHERE " + where);
  st.use(value);
  row.bind(st);
  if (!st.execute()) return std::nullopt;
  return row.toIndicator();
}

// Writes the total and cells of `m` with `insert` (which takes dimension, value, amount).
template <class Insert>
void writeMeasure(const results::Measure& m, Insert&& insert) {
  insert(std::string(), std::string(), m.total);
  for (const auto& c : m.cells) insert(c.dimension, c.value, c.amount);
}

}  // namespace

std::int64_t IndicatorStore::insert(db::Tx& tx, const results::Indicator& i, std::int64_t now) {
  std::int64_t id = 0;
  const std::string unit(results::unitName(i.unit));
  const std::string aggregation(results::aggregationName(i.aggregation));
  const std::string dims = joinList(i.dimensions);
  const int active = i.active ? 1 : 0;
  auto st = tx.prepared(
      "INSERT INTO indicators (code, unit, aggregation, dimensions, name_en, name_fr, name_es, "
      "name_pt, definition_en, definition_fr, definition_es, definition_pt, active, created_at, "
      "updated_at) VALUES (:c, :u, :a, :d, :n1, :n2, :n3, :n4, :d1, :d2, :d3, :d4, :act, :now, "
      ":now2) RETURNING id");
  st.use(i.code).use(unit).use(aggregation).use(dims);
  for (const auto& n : i.names) st.use(n);
  for (const auto& d : i.definitions) st.use(d);
  st.use(active).use(now).use(now).into(id);
  st.execute();
  return id;
}

void IndicatorStore::update(db::Tx& tx, const results::Indicator& i, std::int64_t now) {
  const int active = i.active ? 1 : 0;
  auto st = tx.prepared(
      "UPDATE indicators SET name_en = :n1, name_fr = :n2, name_es = :n3, name_pt = :n4, "
      "definition_en = :d1, definition_fr = :d2, definition_es = :d3, definition_pt = :d4, "
      "active = :act, updated_at = :now, version = version + 1 WHERE id = :id AND version = :v");
  for (const auto& n : i.names) st.use(n);
  for (const auto& d : i.definitions) st.use(d);
  st.use(active).use(now).use(i.id).use(i.version);
  executeVersioned(st, "indicator");
}

std::optional<results::Indicator> IndicatorStore::load(db::Tx& tx, std::int64_t id) {
  return loadWhere(tx, "id = :id", id);
}

std::optional<results::Indicator> IndicatorStore::findByCode(db::Tx& tx, const std::string& code) {
  return loadWhere(tx, "code = :c", code);
}

std::vector<results::Indicator> IndicatorStore::all(db::Tx& tx) {
  std::vector<results::Indicator> out;
  Row row;
  auto st = tx.prepared(std::string("SELECT ") + kColumns + " FROM indicators ORDER BY id");
  row.bind(st);
  for (bool more = st.execute(); more; more = st.fetch()) out.push_back(row.toIndicator());
  return out;
}

std::vector<CallIndicator> IndicatorStore::ofCall(db::Tx& tx, std::int64_t call_id) {
  std::vector<CallIndicator> out;
  CallIndicator c;
  int required = 0;
  auto st = tx.prepared(
      "SELECT i.code, ci.required FROM call_indicators ci JOIN indicators i ON i.id = "
      "ci.indicator_id WHERE ci.call_id = :c ORDER BY ci.seq");
  st.use(call_id).into(c.code).into(required);
  for (bool more = st.execute(); more; more = st.fetch()) {
    c.required = required != 0;
    out.push_back(c);
  }
  return out;
}

void IndicatorStore::replaceForCall(db::Tx& tx, std::int64_t call_id,
                                    const std::vector<CallIndicator>& chosen) {
  {
    auto st = tx.prepared("DELETE FROM call_indicators WHERE call_id = :c");
    st.use(call_id);
    st.execute();
  }
  int seq = 0;
  for (const auto& c : chosen) {
    ++seq;
    const int required = c.required ? 1 : 0;
    auto st = tx.prepared(
        "INSERT INTO call_indicators (call_id, indicator_id, seq, required) "
        "SELECT :c, id, :s, :r FROM indicators WHERE code = :code");
    st.use(call_id).use(seq).use(required).use(c.code);
    st.execute();
  }
}

std::vector<results::Chosen> IndicatorStore::chosenForCall(db::Tx& tx, std::int64_t call_id) {
  std::vector<results::Chosen> out;
  Row row;
  int required = 0;
  auto st = tx.prepared(std::string("SELECT ") + kQualifiedColumns +
                        ", ci.required FROM call_indicators ci JOIN indicators i ON i.id = "
                        "ci.indicator_id WHERE ci.call_id = :c ORDER BY ci.seq");
  st.use(call_id);
  row.bind(st);
  st.into(required);
  for (bool more = st.execute(); more; more = st.fetch()) {
    out.push_back({row.toIndicator(), required != 0});
  }
  return out;
}

int IndicatorStore::periodsOfCall(db::Tx& tx, std::int64_t call_id) {
  return results::periodCount(
      scalarInt(tx.sql(),
                "SELECT COUNT(*) FROM tranche_plan_items WHERE call_id = :c AND "
                "trigger_kind = 'progress_report'",
                call_id) > 0);
}

bool IndicatorStore::usedInCall(db::Tx& tx, std::int64_t call_id, const std::string& code) {
  int n = 0;
  auto st = tx.prepared(
      "SELECT (SELECT COUNT(*) FROM proposal_targets t JOIN proposal_versions v ON v.id = "
      "t.version_id JOIN proposals p ON p.id = v.proposal_id JOIN indicators i ON i.id = "
      "t.indicator_id WHERE p.call_id = :c1 AND i.code = :k1) + (SELECT COUNT(*) FROM "
      "report_results r JOIN reports rp ON rp.id = r.report_id JOIN grants g ON g.id = "
      "rp.grant_id JOIN indicators i ON i.id = r.indicator_id WHERE g.call_id = :c2 AND "
      "i.code = :k2)");
  st.use(call_id).use(code).use(call_id).use(code).into(n);
  st.execute();
  return n > 0;
}

std::vector<results::IndicatorPlan> IndicatorStore::plansOf(db::Tx& tx, std::int64_t version_id) {
  std::vector<results::IndicatorPlan> out;
  std::string code, dimension, value;
  int period = 0;
  std::int64_t amount = 0;
  auto st = tx.prepared(
      "SELECT i.code, t.period, t.dimension, t.value_code, t.amount FROM proposal_targets t "
      "JOIN indicators i ON i.id = t.indicator_id WHERE t.version_id = :v ORDER BY t.id");
  st.use(version_id).into(code).into(period).into(dimension).into(value).into(amount);
  for (bool more = st.execute(); more; more = st.fetch()) {
    plan_text::addRow(out, code, period, dimension, value, amount);
  }
  return out;
}

std::vector<results::IndicatorPlan> IndicatorStore::plansOf(
    db::Tx& tx, std::int64_t version_id, const std::optional<std::string>& plan_column) {
  if (plan_column) {
    if (auto plans = plan_text::decode(*plan_column)) return std::move(*plans);
  }
  return plansOf(tx, version_id);
}

void IndicatorStore::replacePlans(db::Tx& tx, std::int64_t version_id,
                                  const std::vector<results::IndicatorPlan>& plans) {
  {
    auto st = tx.prepared("DELETE FROM proposal_targets WHERE version_id = :v");
    st.use(version_id);
    st.execute();
  }
  std::string text;
  bool storable = true;  // every row stored and its fields fit the column
  for (const auto& plan : plans) {
    int period = 0;
    auto insert = [&](const std::string& dimension, const std::string& value, std::int64_t amount) {
      auto st = tx.prepared(
          "INSERT INTO proposal_targets (version_id, indicator_id, period, dimension, value_code, "
          "amount) SELECT :v, id, :p, :d, :val, :a FROM indicators WHERE code = :code");
      st.use(version_id).use(period).use(dimension).use(value).use(amount).use(plan.indicator);
      st.execute();
      storable = storable && st.affectedRows() == 1 &&
                 plan_text::appendRow(text, plan.indicator, period, dimension, value, amount);
    };
    insert("", "", plan.baseline);
    for (const auto& target : plan.targets) {
      ++period;
      writeMeasure(target, insert);
    }
  }
  std::optional<std::string> column;
  if (storable) column = std::move(text);
  auto st = tx.prepared("UPDATE proposal_versions SET target_plan = :t WHERE id = :v");
  st.use(column).use(version_id);
  st.execute();
}

void IndicatorStore::copyPlans(db::Tx& tx, std::int64_t from, std::int64_t to) {
  {
    auto st = tx.prepared(
        "INSERT INTO proposal_targets (version_id, indicator_id, period, dimension, value_code, "
        "amount) SELECT :to, indicator_id, period, dimension, value_code, amount FROM "
        "proposal_targets WHERE version_id = :from ORDER BY id");
    st.use(to).use(from);
    st.execute();
  }
  auto st = tx.prepared(
      "UPDATE proposal_versions SET target_plan = (SELECT target_plan FROM proposal_versions "
      "WHERE id = :from) WHERE id = :to");
  st.use(from).use(to);
  st.execute();
}

std::vector<results::IndicatorResult> IndicatorStore::resultsOf(db::Tx& tx, std::int64_t report_id) {
  std::vector<results::IndicatorResult> out;
  std::map<std::int64_t, std::size_t> index;  // result row id -> position in out
  {
    std::int64_t id = 0;
    results::IndicatorResult r;
    std::string evidence;
    auto st = tx.prepared(
        "SELECT r.id, i.code, r.comment, r.evidence FROM report_results r JOIN indicators i ON "
        "i.id = r.indicator_id WHERE r.report_id = :r ORDER BY r.id");
    st.use(report_id).into(id).into(r.indicator).into(r.comment).into(evidence);
    for (bool more = st.execute(); more; more = st.fetch()) {
      index[id] = out.size();
      out.push_back({r.indicator, {}, r.comment, {}});
      for (const auto& e : splitList(evidence)) out.back().evidence.push_back(std::stoll(e));
    }
  }
  std::int64_t result_id = 0, amount = 0;
  std::string dimension, value;
  auto st = tx.prepared(
      "SELECT c.result_id, c.dimension, c.value_code, c.amount FROM report_result_cells c JOIN "
      "report_results r ON r.id = c.result_id WHERE r.report_id = :r ORDER BY c.id");
  st.use(report_id).into(result_id).into(dimension).into(value).into(amount);
  for (bool more = st.execute(); more; more = st.fetch()) {
    out[index.at(result_id)].actual.put(dimension, value, amount);
  }
  return out;
}

void IndicatorStore::replaceResults(db::Tx& tx, std::int64_t report_id, int period,
                                    const std::vector<results::IndicatorResult>& results) {
  {
    auto st = tx.prepared(
        "DELETE FROM report_result_cells WHERE result_id IN (SELECT id FROM report_results WHERE "
        "report_id = :r)");
    st.use(report_id);
    st.execute();
  }
  {
    auto st = tx.prepared("DELETE FROM report_results WHERE report_id = :r");
    st.use(report_id);
    st.execute();
  }
  for (const auto& r : results) {
    std::vector<std::string> ids;
    for (auto e : r.evidence) ids.push_back(std::to_string(e));
    const std::string evidence = joinList(ids);
    std::int64_t id = 0;
    {
      auto st = tx.prepared(
          "INSERT INTO report_results (report_id, indicator_id, period, comment, evidence) "
          "SELECT :r, id, :p, :c, :e FROM indicators WHERE code = :code RETURNING id");
      st.use(report_id).use(period).use(r.comment).use(evidence).use(r.indicator).into(id);
      st.execute();
    }
    writeMeasure(r.actual, [&](const std::string& dimension, const std::string& value,
                               std::int64_t amount) {
      auto st = tx.prepared(
          "INSERT INTO report_result_cells (result_id, dimension, value_code, amount) "
          "VALUES (:r, :d, :v, :a)");
      st.use(id).use(dimension).use(value).use(amount);
      st.execute();
    });
  }
}

}  // namespace citygrants::stores
