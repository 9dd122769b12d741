#pragma once

#include <string>
#include <vector>

#include "modules/results/framework.h"
#include "modules/results/rollup.h"
#include "web/http/json_encode.h"
#include "web/http/json_reader.h"
#include "web/http/json_writer.h"

// The JSON of indicators, targets and results (DESIGN §10):
//   measure {"total": 1500, "breakdown": {"sex": {"female": 800, "male": 700}}}
//   plan    {"indicator": "people_reached", "baseline": 0, "targets": [measure per period]}
//   result  {"indicator": "people_reached", "actual": measure, "comment": "", "evidence": [ids]}
namespace citygrants::http {

JsonObject measureJson(const results::Measure& m);
JsonObject indicatorJson(const results::Indicator& i);
void writeMeasure(JsonWriter& w, const results::Measure& m);
void writePlans(JsonWriter& w, const std::vector<results::IndicatorPlan>& plans);
JsonArray resultsJson(const std::vector<results::IndicatorResult>& results);
// {"code": "sex", "values": ["female", ...]} for each dimension of the fund.
JsonArray dimensionsJson();
// One indicator's figures in a roll-up group: {"indicator", "unit", "grants", "target",
// "actual", "achieved_pct", "breakdown": [{"dimension", "value", "target", "actual",
// "achieved_pct"}]}, the breakdown in the order of the fund's dimensions and their values.
JsonObject figuresJson(const results::IndicatorTotals& t, const results::Indicator& indicator);
// A group of a roll-up: {"key", "label", "indicators": [figures]}.
JsonObject groupJson(const results::Group& g, const std::string& label,
                     const std::vector<results::Indicator>& catalog);

// Reads a measure from the object field `name` of `in` (required). Unknown dimensions and values
// are read as given and refused by the domain's validation, which names them.
results::Measure readMeasure(JsonReader& in, const std::string& name);
// The "indicators" list of a proposal's content (absent: none).
std::vector<results::IndicatorPlan> readPlans(JsonReader& in);
// The "results" list of a report (absent: none).
std::vector<results::IndicatorResult> readResults(JsonReader& in);
// An indicator as an admin writes it: code, unit, aggregation, dimensions, names, definitions,
// active. With `editing` (PUT), only names (all four), definitions and active, which replace
// the indicator's; its code, unit, aggregation and dimensions cannot change.
results::Indicator readIndicator(JsonReader& in, bool editing);

}  // namespace citygrants::http
