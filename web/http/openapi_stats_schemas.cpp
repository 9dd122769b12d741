#include "web/http/openapi_schema_parts.h"
#include "web/http/schema_builder.h"

namespace citygrants::http::schemas {
namespace {

using namespace schema;

JsonObject currencyCode(const std::string& what) {
  return describe(matching("^[A-Z]{3}$", 3), what);
}

// Money in different currencies is never added up: the top level gives the first currency (in
// code order), by_currency every currency, and only when there is more than one.
JsonObject byCurrency(const std::string& component) {
  auto groups = list(ref(component));
  groups->set("minItems", 2);
  return describe(groups,
                  "one entry per currency, in code order, the first repeating the top "
                  "level; present only when the records span several currencies");
}

// stats_handlers.cpp: getPipelineStats.
void addPipeline(JsonObject out) {
  auto states = describe(list(ref("PipelineState")),
                         "one entry per proposal state, in the machine's order, zero counts "
                         "included");
  out->set("PipelineState",
           closed({{"state", choice(statesOf("proposal"))},
                   {"count", atLeast(0)},
                   {"requested", describe(ref("Money"), "Σ the current versions' amounts")},
                   {"awarded", describe(ref("Money"), "Σ the awards, where one is set")}}));
  out->set("PipelineInCurrency",
           closed({{"currency", currencyCode("the calls' currency")}, {"states", states}}));
  out->set("PipelineStats",
           describe(closed({{"currency", currencyCode("of the states' money; USD, or the call's, "
                                                      "when there is nothing to count")},
                            {"states", states},
                            {"by_currency", byCurrency("PipelineInCurrency"), false}}),
                    "over the proposals the reader's proposal list shows"));
}

// stats_handlers.cpp: getMoneyStats.
void addMoney(JsonObject out) {
  auto items = describe(list(ref("MoneyItem")), "by name");
  out->set("MoneyItem",
           closed({{"id", describe(integer(), "the call's or the city organisation's")},
                   {"name", describe(text(), "\"GCF-2026 — <title>\" for a call, else the city")},
                   {"grants", atLeast(1)},
                   {"planned", describe(ref("Money"),
                                        "Σ grant amounts: every tranche scheduled, cancelled "
                                        "ones included (Σ tranches = grant amount)")},
                   {"disbursed", describe(ref("Money"), "Σ the disbursed tranches")}}));
  out->set("MoneyInCurrency",
           closed({{"currency", currencyCode("the grants' currency")}, {"items", items}}));
  out->set("MoneyStats",
           describe(closed({{"by", choice({"call", "city"})},
                            {"currency", currencyCode("of the items' money; USD when there is "
                                                      "nothing to count")},
                            {"items", items},
                            {"by_currency", byCurrency("MoneyInCurrency"), false}}),
                    "over the grants the reader may see"));
}

}  // namespace

void addStatsSchemas(JsonObject out) {
  addPipeline(out);
  addMoney(out);
}

}  // namespace citygrants::http::schemas
