#include "modules/results/framework.h"
#include "web/http/openapi_schema_parts.h"
#include "web/http/schema_builder.h"

namespace citygrants::http::schemas {
namespace {

using namespace schema;

// {"type": "object", "additionalProperties": values}: an object keyed by data.
JsonObject mapOf(const JsonObject& values, const std::string& description) {
  auto o = object();
  o->set("type", "object");
  o->set("additionalProperties", values);
  return describe(o, description);
}

JsonObject perLanguage(bool in, std::size_t max) {
  std::vector<Member> members;
  for (const auto lang : results::kIndicatorLanguages) {
    members.push_back({std::string(lang), in ? text(max) : text(), true});
  }
  return closed(members);
}

std::vector<std::string> dimensionCodes() {
  std::vector<std::string> out;
  for (const auto& d : results::dimensions()) out.emplace_back(d.code);
  return out;
}

// results_json.cpp: measureJson, readMeasure, plansJson, readPlans, resultsJson, readResults.
void addMeasures(JsonObject out) {
  const auto value = integer(0, results::kMaxValue);
  const auto breakdown = mapOf(mapOf(value, "value -> amount"),
                               "dimension -> its cells; each dimension's cells add up to the total");
  out->set("Measure", closed({{"total", integer()}, {"breakdown", breakdown}}));
  out->set("NewMeasure", closed({{"total", value}, optionalIn("breakdown", breakdown)}));
  out->set("IndicatorPlan", closed({{"indicator", text()},
                                    {"baseline", integer()},
                                    {"targets", describe(list(ref("Measure")), "one per period")}}));
  out->set("NewIndicatorPlan",
           closed({{"indicator", text(40)},
                   optionalIn("baseline", value),
                   optionalIn("targets", describe(list(ref("NewMeasure"), 12),
                                                  "one per reporting period, in order"))}));
  out->set("IndicatorResult", closed({{"indicator", text()},
                                      {"actual", ref("Measure")},
                                      {"comment", text()},
                                      {"evidence", list(integer())}}));
  out->set("NewIndicatorResult",
           closed({{"indicator", text(40)},
                   {"actual", ref("NewMeasure")},
                   optionalIn("comment", text(results::kMaxComment)),
                   optionalIn("evidence", describe(list(atLeast(1), 20),
                                                   "ids of files attached to the same report"))}));
  out->set("ReportTarget", closed({{"indicator", text()},
                                   {"required", boolean()},
                                   nullableOut("target", ref("Measure"))}));
}

// results_json.cpp: indicatorJson, readIndicator; results_handlers.cpp: listIndicators.
void addIndicators(JsonObject out) {
  std::vector<std::string> units = {"people", "households", "services", "currency", "percentage", "yes_no"};
  out->set("Indicator", closed({{"id", integer()},
                                {"code", text()},
                                {"unit", choice(units)},
                                {"aggregation", choice({"sum", "latest", "max"})},
                                {"dimensions", list(choice(dimensionCodes()))},
                                {"names", perLanguage(false, 0)},
                                {"definitions", perLanguage(false, 0)},
                                {"active", boolean()},
                                {"version", atLeast(1)}}));
  out->set("Dimension", closed({{"code", choice(dimensionCodes())}, {"values", list(text())}}));
  auto page = pageMembers("Indicator");
  page.push_back({"dimensions", list(ref("Dimension"))});
  out->set("IndicatorPage", closed(page));
  out->set("NewIndicator",
           closed({{"code", matching("^[a-z][a-z0-9_]{0,39}$", 40)},
                   {"unit", choice(units, 20)},
                   optionalIn("aggregation", describe(choice({"sum", "latest", "max"}, 20), "default sum")),
                   optionalIn("dimensions", list(choice(dimensionCodes(), 40), 8)),
                   {"names", perLanguage(true, 200)},
                   optionalIn("definitions", perLanguage(true, 2000)),
                   optionalIn("active", boolean())}));
  out->set("IndicatorEdit", closed({{"names", perLanguage(true, 200)},
                                    optionalIn("definitions", perLanguage(true, 2000)),
                                    optionalIn("active", describe(boolean(), "default true"))}));
  out->set("CallIndicator", closed({{"code", text()}, {"required", boolean()}}));
  out->set("NewCallIndicator", closed({{"code", text(40)}, optionalIn("required", boolean())}));
  out->set("CallIndicators", closed({{"indicators", list(ref("NewCallIndicator"), 50)}}));
  out->set("CallChapters", closed({{"chapters", describe(list(atLeast(1), 20), "chapter ids, in the order awards draw on them")}}));
}

// results_handlers.cpp: grantResultsJson, rollUpJson; results_json.cpp: figuresJson, groupJson.
void addResults(JsonObject out) {
  out->set("ResultPeriod", closed({{"period", atLeast(1)},
                                   nullableOut("target", ref("Measure")),
                                   nullableOut("actual", ref("Measure")),
                                   nullableOut("pending", ref("Measure"))}));
  out->set("GrantIndicatorResults", closed({{"indicator", ref("Indicator")},
                                            {"required", boolean()},
                                            {"baseline", integer()},
                                            {"target", ref("Measure")},
                                            {"actual", ref("Measure")},
                                            nullableOut("achieved_pct", integer()),
                                            {"periods", list(ref("ResultPeriod"))}}));
  out->set("GrantResults", closed({{"grant_id", integer()},
                                   {"currency", describe(text(), "of money indicators (minor units)")},
                                   {"periods", atLeast(1)},
                                   {"indicators", list(ref("GrantIndicatorResults"))}}));
  out->set("CellFigures", closed({{"dimension", text()},
                                  {"value", text()},
                                  {"target", integer()},
                                  {"actual", integer()},
                                  nullableOut("achieved_pct", integer())}));
  out->set("IndicatorFigures", closed({{"indicator", text()},
                                       {"unit", text()},
                                       {"grants", integer()},
                                       {"target", integer()},
                                       {"actual", integer()},
                                       nullableOut("achieved_pct", integer()),
                                       {"breakdown", list(ref("CellFigures"))}}));
  out->set("ResultsGroup", closed({{"key", describe(text(), "\"\" for grants no chapter pays")},
                                   {"label", text()},
                                   {"indicators", list(ref("IndicatorFigures"))}}));
  out->set("ResultsRollUp",
           closed({{"group_by", choice({"call", "chapter", "donor", "city", "country"})},
                   {"grants", integer()},
                   nullableOut("currency", describe(text(), "of money indicators; null when the "
                                                            "grants counted mix currencies")),
                   {"groups", list(ref("ResultsGroup"))},
                   {"total", ref("ResultsGroup")}}));
}

// funding_handlers.cpp: chapterJson, donorJson, fundingJson, decodeChapter.
void addFunding(JsonObject out) {
  std::vector<Member> chapter = {{"id", integer()},  {"donor_id", integer()}, {"code", text()},
                                 {"name", text()},   {"theme", text()},       {"version", atLeast(1)},
                                 {"committed", ref("Money")}};
  out->set("Chapter", closed(chapter));
  chapter.push_back({"allocated", ref("Money")});
  chapter.push_back({"disbursed", ref("Money")});
  chapter.push_back({"grants", integer()});
  out->set("ChapterMoney", closed(chapter));
  out->set("MoneyTotals", closed({{"committed", ref("Money")},
                                  {"allocated", ref("Money")},
                                  {"disbursed", ref("Money")}}));
  std::vector<Member> donor = {{"id", integer()},
                               {"name", text()},
                               {"country", text()},
                               {"chapters", list(ref("ChapterMoney"))},
                               {"totals", describe(list(ref("MoneyTotals")), "one per currency")}};
  out->set("Donor", closed(donor));
  out->set("DonorPage", pageOf("Donor"));
  donor.push_back({"grants", integer()});
  donor.push_back({"results", ref("ResultsRollUp")});
  out->set("DonorSummary", closed(donor));
  const auto money = integer(0, kMaxMoneyMinor);
  out->set("NewChapter", closed({{"donor_id", atLeast(1)},
                                 {"code", matching("^[A-Z0-9][A-Z0-9-]{2,31}$", 32)},
                                 {"name", text(200)},
                                 optionalIn("theme", text(200)),
                                 optionalIn("currency", describe(matching("^[A-Z]{3}$", 3), "default USD")),
                                 {"committed_minor", money}}));
  out->set("ChapterEdit", closed({{"name", text(200)},
                                  optionalIn("theme", text(200)),
                                  {"committed_minor", money}}));
  out->set("AllocationLine", closed({{"chapter_id", integer()},
                                     {"chapter", text()},
                                     {"donor_id", integer()},
                                     {"donor", text()},
                                     {"amount", ref("Money")},
                                     {"disbursed", ref("Money")}}));
  out->set("GrantFunding", closed({{"grant_id", integer()},
                                   {"version", atLeast(1)},
                                   {"actions", list(choice({"allocate"}))},
                                   {"award", ref("Money")},
                                   {"allocations", list(ref("AllocationLine"))}}));
  out->set("NewAllocation", closed({{"chapter_id", atLeast(1)}, {"amount_minor", integer(1, kMaxMoneyMinor)}}));
  out->set("AllocationRequest", closed({{"allocations", describe(list(ref("NewAllocation"), 20),
                                                                 "adds up to the award exactly")}}));
}

}  // namespace

void addResultsSchemas(JsonObject out) {
  addMeasures(out);
  addIndicators(out);
  addResults(out);
  addFunding(out);
}

}  // namespace citygrants::http::schemas
