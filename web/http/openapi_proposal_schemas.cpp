#include "modules/proposals/validation.h"
#include "modules/review/rubric.h"
#include "web/http/openapi_schema_parts.h"
#include "web/http/schema_builder.h"

namespace citygrants::http::schemas {
namespace {

using namespace schema;

constexpr const char* kWithheld =
    "the user; null until done, and when the reader may not know them";

template <std::size_t N>
std::vector<std::string> listOf(const char* const (&values)[N]) {
  return {std::begin(values), std::end(values)};
}

std::vector<std::string> triggers() { return {"signature", "progress_report", "final_report"}; }

// The words of a record in every language it has: English complete, the others as given.
JsonObject textsOf(const char* english, const char* translated) {
  return describe(
      closed({{"en", ref(english)},
              {"fr", ref(translated), false},
              {"es", ref(translated), false},
              {"pt", ref(translated), false}}),
      "what is stored, by language; the record's own fields are in the reader's language");
}

// "translations" of a new record: French, Spanish and Portuguese; a blank text is none.
JsonObject translationsOf(const char* translated) {
  return describe(closed({optionalIn("fr", ref(translated)), optionalIn("es", ref(translated)),
                          optionalIn("pt", ref(translated))}),
                  "beside the English of the record's own fields; a blank text is no translation");
}

// call_handlers.cpp: callJson, decodeCall and decodeTexts.
void addCalls(JsonObject out) {
  out->set("CallWords", closed({{"title", text()}, {"description", text()}}));
  out->set("CallTranslation",
           closed({{"title", text(200), false}, {"description", text(20'000), false}}));
  out->set("CallTranslationIn",
           closed({optionalIn("title", text(200)), optionalIn("description", text(20'000))}));
  out->set("CriterionWords", closed({{"name", text()}, {"guidance", text()}}));
  out->set("CriterionTranslation",
           closed({{"name", text(200), false}, {"guidance", text(2000), false}}));
  out->set("CriterionTranslationIn",
           closed({optionalIn("name", text(200)), optionalIn("guidance", text(2000))}));
  out->set("Criterion",
           closed({{"id", integer()},
                   {"code", text()},
                   {"name", describe(text(), "in the reader's language, else English")},
                   {"guidance", describe(text(), "in the reader's language, else English")},
                   {"weight", describe(integer(1, 100), "percent")},
                   {"texts", textsOf("CriterionWords", "CriterionTranslation")}}));
  out->set("TranchePlanItem",
           closed({{"seq", atLeast(1)},
                   {"share_bp", describe(integer(1, 10'000), "basis points of the award")},
                   {"trigger", choice(triggers())}}));
  out->set(
      "Call",
      closed({{"id", integer()},
              {"code", text()},
              {"title", describe(text(), "in the reader's language, else English")},
              {"description", describe(text(), "in the reader's language, else English")},
              {"texts", textsOf("CallWords", "CallTranslation")},
              {"state", choice(statesOf("call"))},
              {"version", atLeast(1)},
              {"actions", actionsSchema("call")},
              {"two_stage", boolean()},
              {"budget", ref("Money")},
              {"min_award", ref("Money")},
              {"max_award", ref("Money")},
              {"threshold", describe(ref("Money"), "awards above it need a second fund manager")},
              {"max_duration_months", integer()},
              nullableOut("opens_at", dateTime()),
              {"closes_at", dateTime()},
              {"criteria", list(ref("Criterion"))},
              {"tranche_plan", list(ref("TranchePlanItem"))},
              {"indicators", describe(list(ref("CallIndicator")), "its results framework")},
              {"chapters", describe(list(integer()), "the chapters that fund it, in order")},
              {"periods", describe(integer(1, 2), "reporting periods of its grants")}}));
  out->set("CallPage", pageOf("Call"));
  out->set("NewCriterion",
           closed({{"code", matching("^[a-z][a-z0-9_]{1,39}$", 40)},
                   {"name", describe(text(200), "in English")},
                   {"weight", describe(integer(1, 100), "percent; a call's weights add up to 100")},
                   optionalIn("guidance", describe(text(2000), "in English")),
                   optionalIn("translations", translationsOf("CriterionTranslationIn"))}));
  out->set("NewTranchePlanItem",
           closed({{"share_bp", integer(1, 10'000)}, {"trigger", choice(triggers(), 40)}}));
  const auto money = integer(1, kMaxMoneyMinor);
  out->set(
      "NewCall",
      closed({{"code", matching("^[A-Z0-9][A-Z0-9-]{2,31}$", 32)},
              {"title", describe(text(200), "in English")},
              optionalIn("description", describe(text(20'000), "in English")),
              optionalIn("translations", translationsOf("CallTranslationIn")),
              optionalIn("two_stage", describe(boolean(), "default true")),
              optionalIn("currency", describe(matching("^[A-Z]{3}$", 3), "ISO 4217; default USD")),
              {"budget_minor", money},
              {"min_award_minor", money},
              {"max_award_minor", money},
              {"threshold_minor", integer(0, kMaxMoneyMinor)},
              optionalIn("max_duration_months", describe(integer(1, 60), "default 24")),
              {"closes_at", describe(dateTime(), "in the future")},
              optionalIn("criteria", list(ref("NewCriterion"), 20)),
              optionalIn("tranche_plan", list(ref("NewTranchePlanItem"), 12)),
              optionalIn("indicators", list(ref("NewCallIndicator"), 50)),
              optionalIn("chapters", list(atLeast(1), 20))}));
  out->set("CallTransition", transitionSchema("call"));
  out->set("CriterionTexts",
           closed({{"code", describe(text(40), "names one criterion of the call")},
                   {"name", describe(text(200), "in English")},
                   optionalIn("guidance", describe(text(2000), "in English")),
                   optionalIn("translations", translationsOf("CriterionTranslationIn"))}));
  out->set("CallTexts",
           describe(closed({{"title", describe(text(200), "in English")},
                            optionalIn("description", describe(text(20'000), "in English")),
                            optionalIn("translations", translationsOf("CallTranslationIn")),
                            optionalIn("criteria", list(ref("CriterionTexts"), 20))}),
                    "replaces every word of the call and its criteria; each criterion named once"));
}

// The members of a proposal's content as decodeContent reads them: all optional while a draft.
std::vector<Member> contentMembers() {
  auto groups = list(choice(listOf(proposals::kTargetGroups), 40), 10);
  groups->set("uniqueItems", true);
  return {optionalIn("language", describe(choice(languages(), 2), "default en")),
          optionalIn("title", text(proposals::kMaxTitle)),
          optionalIn("summary", text(proposals::kMaxSummary)),
          optionalIn("target_groups", groups),
          optionalIn("beneficiaries", integer(0, 1'000'000'000)),
          optionalIn("duration_months", integer(0, 120)),
          optionalIn("amount_minor", integer(0, kMaxMoneyMinor)),
          optionalIn("budget", list(ref("NewBudgetLine"), proposals::kMaxBudgetLines)),
          optionalIn("indicators", describe(list(ref("NewIndicatorPlan"), 50),
                                            "baseline and targets per indicator the call chose"))};
}

// proposal_handlers.cpp: proposalJson, versionJson, summaryJson, decodeContent.
void addProposals(JsonObject out) {
  out->set("BudgetLine", closed({{"id", integer()},
                                 {"category", choice(listOf(proposals::kBudgetCategories))},
                                 {"description", text()},
                                 {"amount", ref("Money")}}));
  out->set(
      "ProposalVersion",
      describe(closed({{"number", atLeast(1)},
                       {"stage", choice({"concept", "full"})},
                       {"frozen", boolean()},
                       {"language", choice(languages())},
                       {"title", text()},
                       {"amount", ref("Money")},
                       {"created_at", dateTime()},
                       {"summary", text(), false},
                       {"target_groups", list(choice(listOf(proposals::kTargetGroups))), false},
                       {"beneficiaries", integer(), false},
                       {"duration_months", integer(), false},
                       {"budget", list(ref("BudgetLine")), false},
                       {"indicators", list(ref("IndicatorPlan")), false},
                       {"translation_en", nullable(text()), false}}),
               "summary, target_groups, beneficiaries, duration_months, budget and "
               "translation_en come only with full access: a reviewer has it once they "
               "declared no conflict of interest"));
  out->set("Proposal", closed({{"id", integer()},
                               {"reference", describe(text(), "GCF-2026-0007")},
                               {"state", choice(statesOf("proposal"))},
                               {"version", atLeast(1)},
                               {"actions", actionsSchema("proposal")},
                               {"held", describe(list(ref("HeldStep")),
                                                 "steps the record waits for from the reader that "
                                                 "a guard holds back, with the reason")},
                               {"call_id", integer()},
                               {"city_org_id", integer()},
                               nullableOut("supporting_org_id", integer()),
                               nullableOut("award", ref("Money")),
                               {"eligible_future", boolean()},
                               {"full_access", boolean()},
                               {"created_at", dateTime()},
                               {"updated_at", dateTime()},
                               {"current", ref("ProposalVersion")}}));
  out->set("HeldStep", closed({{"event", choice(eventsOf("proposal"))},
                               {"guard", text()},
                               {"message", describe(text(), "in the reader's language")}}));
  out->set("ProposalCity", closed({{"id", integer()}, {"name", text()}}));
  out->set("ProposalSummary", closed({{"id", integer()},
                                      {"reference", text()},
                                      {"state", choice(statesOf("proposal"))},
                                      {"version", atLeast(1)},
                                      {"call_id", integer()},
                                      {"city", ref("ProposalCity")},
                                      {"title", text()},
                                      {"language", choice(languages())},
                                      {"amount", ref("Money")},
                                      nullableOut("award", ref("Money")),
                                      nullableOut("supporting_org_id", integer()),
                                      {"updated_at", dateTime()}}));
  out->set("ProposalPage", pageOf("ProposalSummary"));
  out->set("ProposalVersionPage", pageOf("ProposalVersion"));
  out->set("NewBudgetLine", closed({{"category", choice(listOf(proposals::kBudgetCategories), 40)},
                                    optionalIn("description", text(proposals::kMaxTitle)),
                                    {"amount_minor", integer(1, kMaxMoneyMinor)}}));
  out->set("ProposalContent", closed(contentMembers()));
  auto created = contentMembers();
  created.insert(created.begin(), Member{"call_id", atLeast(1)});
  out->set("NewProposal", closed(created));
  out->set("SupportingPartnerRequest", closed({{"partner_org_id", atLeast(1)}}));
  out->set("TranslationRequest", closed({{"translation_en", text(proposals::kMaxSummary)}}));
  out->set("ProposalTransition",
           transitionSchema("proposal", {optionalIn("sector_code",
                                                    describe(text(5), "approve only: the service's own "
                                                                      "DAC code (GET /api/v1/sectors)"))}));
}

// review_handlers.cpp: assignmentJson.
std::vector<Member> assignmentMembers() {
  return {{"id", integer()},
          {"state", choice(statesOf("review_assignment"))},
          {"version", atLeast(1)},
          {"actions", actionsSchema("review_assignment")},
          {"proposal_id", integer()},
          {"version_number", atLeast(1)},
          {"partner_org_id", integer()},
          nullableOut("reviewer_id", describe(integer(), kWithheld)),
          nullableOut("declared_at", dateTime()),
          nullableOut("reason", text()),
          {"comment", text()},
          nullableOut("submitted_at", dateTime()),
          nullableOut("due_at", describe(dateTime(), "when the review is due: 21 days after the "
                                                     "assignment; the clock reminds 3 days before "
                                                     "and 1 day after")),
          nullableOut("created_by", describe(integer(), "the fund manager who assigned it; " +
                                                            std::string(kWithheld))),
          {"actors", actorsSchema({"reviewer_id", "created_by"})}};
}

// review_handlers.cpp: listAllAssignments, reviewedProposalJson.
void addAssignmentList(JsonObject out) {
  out->set("ReviewedProposal",
           describe(closed({{"id", integer()},
                            {"reference", text()},
                            {"title", describe(text(), "of the current version")},
                            {"city", ref("ProposalCity")},
                            {"amount", describe(ref("Money"), "requested, current version")},
                            {"state", choice(statesOf("proposal"))}}),
                    "what a reviewer sees of a proposal before declaring no conflict of interest"));
  auto item = assignmentMembers();
  item.push_back({"proposal", ref("ReviewedProposal")});
  out->set("AssignmentListItem", closed(item));
  out->set("AssignmentListPage", pageOf("AssignmentListItem"));
}

// review_handlers.cpp: assignmentJson, scoresJson, reviewRowJson, summaryJson, decodeScoreSheet.
void addReviews(JsonObject out) {
  out->set("Assignment", closed(assignmentMembers()));
  out->set("AssignmentPage", pageOf("Assignment"));
  addAssignmentList(out);
  out->set("AssignmentRequest", closed({{"partner_org_id", atLeast(1)}}));
  out->set("AssignmentTransition", transitionSchema("review_assignment"));
  const auto score = integer(review::kMinScore, review::kMaxScore);
  out->set("Score", closed({{"criterion_id", integer()}, {"score", score}, {"comment", text()}}));
  out->set("ScorePage", pageOf("Score"));
  out->set("NewScore", closed({{"criterion_id", atLeast(1)},
                               {"score", score},
                               optionalIn("comment", text(20'000))}));
  out->set("ScoreSheet",
           closed({{"scores", list(ref("NewScore"), 50)}, optionalIn("comment", text(20'000))}));
  out->set("ReviewRow",
           closed({{"id", integer()},
                   {"state", choice(statesOf("review_assignment"))},
                   {"partner_org_id", integer()},
                   nullableOut("reviewer_id", describe(integer(), kWithheld)),
                   {"version_number", atLeast(1)},
                   nullableOut("submitted_at", dateTime()),
                   nullableOut("mean_milli", describe(integer(),
                                                      "weighted mean in thousandths of a point; "
                                                      "null until every criterion is scored")),
                   {"comment", text()},
                   {"scores", list(ref("Score"))},
                   {"actors", actorsSchema({"reviewer_id"})}}));
  out->set("ReviewSummary",
           closed({{"reviews", atLeast(0)},
                   {"mean_milli", integer()},
                   {"spread_milli", integer()},
                   {"spread_flag", describe(boolean(), "the spread is above 1.5 points")}}));
  auto comparison = pageMembers("ReviewRow");
  comparison.push_back({"summary", ref("ReviewSummary")});
  out->set("ReviewComparison", closed(comparison));
}

}  // namespace

void addProposalSchemas(JsonObject out) {
  addCalls(out);
  addProposals(out);
  addReviews(out);
}

}  // namespace citygrants::http::schemas
