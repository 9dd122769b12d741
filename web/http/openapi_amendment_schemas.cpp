#include "modules/grants/amendment_terms.h"
#include "web/http/openapi_schema_parts.h"
#include "web/http/schema_builder.h"

namespace citygrants::http::schemas {
namespace {

using namespace schema;

constexpr const char* kWithheld =
    "the user; null until done, and when the reader may not know them";


JsonObject kindsSchema() { return list(choice({"extension", "amount", "reallocation", "replan"})); }

// amendment_handlers.cpp: termsJson.
JsonObject termsSchema() {
  return closed(
      {{"number", atLeast(1)},
       nullableOut("amendment_id", describe(integer(), "the amendment that wrote it; null: as awarded")),
       {"amount", ref("Money")},
       {"ends_at", dateTime()},
       {"budget_lines", list(closed({{"budget_line_id", integer()}, {"amount", ref("Money")}}))},
       {"tranches", list(closed({{"seq", atLeast(1)},
                                 {"amount", ref("Money")},
                                 {"milestone", text()},
                                 nullableOut("planned_at", dateTime()),
                                 {"state", choice(statesOf("tranche"))}}))},
       nullableOut("created_at", dateTime())});
}

// amendment_handlers.cpp: changeJson.
JsonObject changeSchema() {
  return closed({nullableOut("ends_at", dateTime()),
                 nullableOut("amount_minor", integer()),
                 {"budget_lines", list(closed({{"budget_line_id", integer()},
                                               {"amount", ref("Money")}}))},
                 {"tranches", list(closed({{"seq", atLeast(1)},
                                           {"amount", ref("Money")},
                                           {"milestone", text()},
                                           nullableOut("planned_at", dateTime())}))}});
}

}  // namespace

void addAmendmentSchemas(JsonObject out) {
  out->set("GrantTerms", termsSchema());
  out->set("GrantTermsPage", pageOf("GrantTerms"));
  out->set("NewAmendment",
           closed({{"reason", text(2000)},
                   optionalIn("ends_at", describe(dateTime(), "extension: the new end date")),
                   optionalIn("amount_minor",
                              describe(integer(1, kMaxMoneyMinor), "amount change: the new amount")),
                   optionalIn("budget_lines",
                              list(closed({{"budget_line_id", atLeast(1)},
                                           {"amount_minor", integer(0, kMaxMoneyMinor)}}),
                                   grants::kMaxLines)),
                   optionalIn("tranches",
                              list(closed({{"seq", integer(1, 1000)},
                                           {"amount_minor", integer(0, kMaxMoneyMinor)},
                                           optionalIn("milestone", text(grants::kMaxMilestoneChars)),
                                           optionalIn("planned_at", dateTime())}),
                                   grants::kMaxTranches))}));
  out->set("Amendment",
           closed({{"id", integer()},
                   {"state", choice(statesOf("amendment"))},
                   {"version", atLeast(1)},
                   {"actions", actionsSchema("amendment")},
                   {"grant_id", integer()},
                   {"grant_reference", text()},
                   {"kinds", kindsSchema()},
                   {"reason", text()},
                   {"proposed_by_city", boolean()},
                   {"change", changeSchema()},
                   {"before", ref("GrantTerms")},
                   {"after", ref("GrantTerms")},
                   {"reallocation_share_bp", integer()},
                   {"review_threshold_bp", integer()},
                   {"needs_partner_review", boolean()},
                   {"is_increase", boolean()},
                   nullableOut("proposed_by", describe(integer(), kWithheld)),
                   nullableOut("reviewed_by", describe(integer(), kWithheld)),
                   nullableOut("approved_by", describe(integer(), kWithheld)),
                   nullableOut("applied_by", describe(integer(), kWithheld)),
                   nullableOut("review_note", text()),
                   nullableOut("terms_version", integer()),
                   {"created_at", dateTime()},
                   nullableOut("requested_at", dateTime()),
                   nullableOut("approved_at", dateTime()),
                   nullableOut("applied_at", dateTime()),
                   {"actors", actorsSchema({"proposed_by", "reviewed_by", "approved_by",
                                            "applied_by"})}}));
  out->set("AmendmentPage", pageOf("Amendment"));
  out->set("AmendmentTransition", transitionSchema("amendment"));
}

}  // namespace citygrants::http::schemas
