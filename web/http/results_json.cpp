#include "web/http/results_json.h"

namespace citygrants::http {
namespace {

constexpr std::size_t kMaxIndicators = 50;
constexpr std::size_t kMaxPeriods = 12;

JsonObject perLanguage(const std::array<std::string, 4>& texts) {
  auto o = object();
  for (std::size_t i = 0; i < results::kIndicatorLanguages.size(); ++i) {
    o->set(std::string(results::kIndicatorLanguages[i]), texts[i]);
  }
  return o;
}

void readPerLanguage(JsonReader& in, const std::string& name, bool required, std::size_t max,
                     std::array<std::string, 4>& into) {
  auto child = in.child(name, required);
  if (!child) return;
  for (std::size_t i = 0; i < results::kIndicatorLanguages.size(); ++i) {
    into[i] = child->text(std::string(results::kIndicatorLanguages[i]), required, max).value_or(into[i]);
  }
  in.absorb(*child);
}

}  // namespace

JsonObject measureJson(const results::Measure& m) {
  auto o = object();
  o->set("total", m.total);
  auto breakdown = object();
  for (const auto& c : m.cells) {
    if (!breakdown->has(c.dimension)) breakdown->set(c.dimension, object());
    breakdown->getObject(c.dimension)->set(c.value, c.amount);
  }
  o->set("breakdown", breakdown);
  return o;
}

JsonObject indicatorJson(const results::Indicator& i) {
  auto o = object();
  o->set("id", i.id);
  o->set("code", i.code);
  o->set("unit", std::string(results::unitName(i.unit)));
  o->set("aggregation", std::string(results::aggregationName(i.aggregation)));
  o->set("dimensions", strings(i.dimensions));
  o->set("names", perLanguage(i.names));
  o->set("definitions", perLanguage(i.definitions));
  o->set("active", i.active);
  o->set("version", i.version);
  return o;
}

// As measureJson: the cells grouped by dimension in the order they first appear (each cell is
// there once: validateMeasure).
void writeMeasure(JsonWriter& w, const results::Measure& m) {
  w.open().field("total", m.total).key("breakdown").open();
  const auto& cells = m.cells;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const auto& dimension = cells[i].dimension;
    bool seen = false;
    for (std::size_t j = 0; j < i && !seen; ++j) seen = cells[j].dimension == dimension;
    if (seen) continue;
    w.key(dimension).open();
    for (std::size_t j = i; j < cells.size(); ++j) {
      if (cells[j].dimension == dimension) w.field(cells[j].value, cells[j].amount);
    }
    w.close();
  }
  w.close().close();
}

void writePlans(JsonWriter& w, const std::vector<results::IndicatorPlan>& plans) {
  w.openArray();
  for (const auto& p : plans) {
    w.open().field("indicator", p.indicator).field("baseline", p.baseline).key("targets").openArray();
    for (const auto& t : p.targets) writeMeasure(w, t);
    w.close().close();
  }
  w.close();
}

JsonArray resultsJson(const std::vector<results::IndicatorResult>& list) {
  JsonArray out = new Poco::JSON::Array;
  for (const auto& r : list) {
    auto o = object();
    o->set("indicator", r.indicator);
    o->set("actual", measureJson(r.actual));
    o->set("comment", r.comment);
    JsonArray evidence = new Poco::JSON::Array;
    for (auto id : r.evidence) evidence->add(id);
    o->set("evidence", evidence);
    out->add(o);
  }
  return out;
}

JsonArray dimensionsJson() {
  JsonArray out = new Poco::JSON::Array;
  for (const auto& d : results::dimensions()) {
    auto o = object();
    o->set("code", std::string(d.code));
    std::vector<std::string> values(d.values.begin(), d.values.end());
    o->set("values", strings(values));
    out->add(o);
  }
  return out;
}

namespace {

void setPercent(JsonObject o, std::int64_t target, std::int64_t actual) {
  if (auto pct = results::achievedPercent(target, actual)) {
    o->set("achieved_pct", *pct);
  } else {
    o->set("achieved_pct", Poco::Dynamic::Var());
  }
}

}  // namespace

JsonObject figuresJson(const results::IndicatorTotals& t, const results::Indicator& indicator) {
  auto o = object();
  o->set("indicator", t.indicator);
  o->set("unit", std::string(results::unitName(indicator.unit)));
  o->set("grants", t.grants);
  o->set("target", t.target.total);
  o->set("actual", t.actual.total);
  setPercent(o, t.target.total, t.actual.total);
  JsonArray breakdown = new Poco::JSON::Array;
  for (const auto& code : indicator.dimensions) {
    const auto* d = results::findDimension(code);
    if (!d) continue;
    for (const auto& value : d->values) {
      const std::string v(value);
      const auto target = t.target.cell(code, v);
      const auto actual = t.actual.cell(code, v);
      auto cell = object();
      cell->set("dimension", code);
      cell->set("value", v);
      cell->set("target", target);
      cell->set("actual", actual);
      setPercent(cell, target, actual);
      breakdown->add(cell);
    }
  }
  o->set("breakdown", breakdown);
  return o;
}

JsonObject groupJson(const results::Group& g, const std::string& label,
                     const std::vector<results::Indicator>& catalog) {
  auto o = object();
  o->set("key", g.key);
  o->set("label", label);
  JsonArray list = new Poco::JSON::Array;
  for (const auto& t : g.indicators) {
    for (const auto& i : catalog) {
      if (i.code == t.indicator) list->add(figuresJson(t, i));
    }
  }
  o->set("indicators", list);
  return o;
}

namespace {

// The total and breakdown of the measure object `body` reads.
results::Measure readMeasureBody(JsonReader& body) {
  results::Measure m;
  m.total = body.integer("total", true, 0, results::kMaxValue).value_or(0);
  if (auto breakdown = body.child("breakdown", false)) {
    for (const auto& dimension : breakdown->names()) {
      auto cells = breakdown->child(dimension, true);
      if (!cells) continue;
      for (const auto& value : cells->names()) {
        if (auto amount = cells->integer(value, true, 0, results::kMaxValue)) {
          m.cells.push_back({dimension, value, *amount});
        }
      }
      breakdown->absorb(*cells);
    }
    body.absorb(*breakdown);
  }
  return m;
}

}  // namespace

results::Measure readMeasure(JsonReader& in, const std::string& name) {
  auto body = in.child(name, true);
  if (!body) return {};
  auto m = readMeasureBody(*body);
  in.absorb(*body);
  return m;
}

std::vector<results::IndicatorPlan> readPlans(JsonReader& in) {
  std::vector<results::IndicatorPlan> out;
  auto list = in.objectList("indicators", false, kMaxIndicators);
  for (std::size_t i = 0; list && i < list->size(); ++i) {
    auto item = in.nested(list, i, "indicators");
    results::IndicatorPlan plan;
    plan.indicator = item.text("indicator", true, 40).value_or("");
    plan.baseline = item.integer("baseline", false, 0, results::kMaxValue).value_or(0);
    auto targets = item.objectList("targets", false, kMaxPeriods);
    for (std::size_t p = 0; targets && p < targets->size(); ++p) {
      auto target = item.nested(targets, p, "targets");
      plan.targets.push_back(readMeasureBody(target));
      item.absorb(target);
    }
    in.absorb(item);
    out.push_back(std::move(plan));
  }
  return out;
}

std::vector<results::IndicatorResult> readResults(JsonReader& in) {
  std::vector<results::IndicatorResult> out;
  auto list = in.objectList("results", false, kMaxIndicators);
  for (std::size_t i = 0; list && i < list->size(); ++i) {
    auto item = in.nested(list, i, "results");
    results::IndicatorResult r;
    r.indicator = item.text("indicator", true, 40).value_or("");
    r.actual = readMeasure(item, "actual");
    r.comment = item.text("comment", false, results::kMaxComment).value_or("");
    r.evidence = item.integerList("evidence", false, 20, 1, INT64_MAX).value_or(std::vector<std::int64_t>{});
    in.absorb(item);
    out.push_back(std::move(r));
  }
  return out;
}

results::Indicator readIndicator(JsonReader& in, bool editing) {
  results::Indicator i;
  if (!editing) {
    i.code = in.text("code", true, 40).value_or("");
    if (auto unit = in.text("unit", true, 20)) {
      if (auto u = results::unitNamed(*unit)) i.unit = *u;
      else
        in.fail("unit", "results.unit");
    }
    if (auto agg = in.text("aggregation", false, 20)) {
      if (auto a = results::aggregationNamed(*agg)) i.aggregation = *a;
      else
        in.fail("aggregation", "results.aggregation");
    }
    i.dimensions = in.textList("dimensions", false, 8, 40).value_or(std::vector<std::string>{});
  }
  readPerLanguage(in, "names", true, 200, i.names);
  readPerLanguage(in, "definitions", false, 2000, i.definitions);
  i.active = in.boolean("active", false).value_or(i.active);
  return i;
}

}  // namespace citygrants::http
