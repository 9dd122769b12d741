#include <map>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "tests/web/pipeline_steps.h"

using namespace citygrants::webtest;

namespace {

constexpr std::int64_t kRequested = 45'000'000;  // USD 450,000.00: above the four-eyes threshold
constexpr std::int64_t kAward = 44'444'447;      // 40 % of it is not a whole number of cents

// One grant from Barranquilla's first draft to its close-out, every step by the person whose step
// it is, each in their own session. Between steps, the "actions" each person is offered (what the
// console draws as buttons) are checked against who should act next.
struct Pipeline {
  Cast cast{SeededServer::get(), "applicant@barranquilla.demo"};
  std::int64_t proposal = 0;
  std::string path;  // the proposal's
  std::int64_t grant = 0;
  std::vector<std::int64_t> tranches;
  std::map<std::string, std::int64_t> reports;  // by kind

  void conceptAndInvitation();
  void fullProposal();
  void screening();
  void review();
  void decision();
  void agreement();
  void payTranche(std::size_t index);
  void report(const std::string& kind, const std::string& narrative,
              const std::string& spending = "");
  void midTermReport();
  void financialReport();
  void closeOut();
  void checkRecord();
};

void Pipeline::conceptAndInvitation() {
  proposal = createProposal(cast, "Barranquilla sin fronteras II: empleo y salud", kRequested);
  path = proposalPath(proposal);
  const auto draft = read(cast.applicant, path);
  BOOST_TEST(offers(draft, "submit_concept"));
  BOOST_TEST(offers(draft, "discard"));
  BOOST_TEST(!offers(read(cast.fm1, path), "invite"));  // nothing to decide on a draft yet
  const auto sent = fire(cast.applicant, path, {.name = "submit_concept"}, "concept_submitted");
  BOOST_TEST(actionsOf(sent) == std::vector<std::string>{"withdraw"});
  const auto seen = read(cast.fm1, path);
  BOOST_TEST(offers(seen, "invite"));
  BOOST_TEST(offers(seen, "decline_concept"));
  BOOST_TEST(!offers(seen, "withdraw"));  // the city's event, not the fund's
  const auto no_reason = tryFire(cast.fm1, path, {.name = "invite"});
  BOOST_TEST(no_reason.status == 422, no_reason.body);
  const auto invited =
      fire(cast.fm1, path,
           {.name = "invite", .reason = "Strong concept: please detail the budget."}, "draft");
  BOOST_TEST(invited.json->getObject("current")->getValue<std::string>("stage") == "full");
  BOOST_TEST(invited.json->getObject("current")->getValue<int>("number") == 2);
}

void Pipeline::fullProposal() {
  const auto draft = read(cast.applicant, path);
  BOOST_TEST(offers(draft, "submit"));
  const auto stale = draft.header("ETag");
  const auto edited = putWithEtag(
      cast.applicant, path,
      proposalContent("Barranquilla sin fronteras II: empleo, salud y educación", kRequested));
  BOOST_REQUIRE_MESSAGE(edited.status == 200, edited.body);
  BOOST_TEST(
      edited.json->getObject("current")->getValue<std::string>("title").ends_with("y educación"));
  BOOST_TEST(edited.header("ETag") != stale);
  const auto late =
      cast.applicant.put(path, proposalContent("A lost update", kRequested), {{"If-Match", stale}});
  BOOST_TEST(late.status == 412, late.body);
  BOOST_TEST(late.isProblem(), late.body);
  const auto sent = fire(cast.applicant, path, {.name = "submit"}, "submitted");
  BOOST_TEST(!offers(sent, "submit"));
  BOOST_TEST(offers(read(cast.fm1, path), "screen"));
}

void Pipeline::screening() {
  const auto screened = fire(cast.fm1, path, {.name = "screen"}, "screening");
  BOOST_TEST(offers(screened, "return"));
  BOOST_TEST(offers(screened, "screen_out"));
  BOOST_TEST(!offers(screened, "send_to_review"));  // no partner named, nobody assigned
  const auto iom = std::to_string(cast.orgs.at("IOM"));
  const auto named =
      putWithEtag(cast.fm1, path + "/supporting-partner", "{\"partner_org_id\":" + iom + "}", path);
  BOOST_REQUIRE_MESSAGE(named.status == 200, named.body);
  BOOST_TEST(named.json->getValue<std::int64_t>("supporting_org_id") == cast.orgs.at("IOM"));
  BOOST_TEST(!offers(named, "send_to_review"));  // still nobody assigned
  for (const std::string partner : {"IOM", "UNHCR"}) {
    const auto assigned =
        cast.fm1.post(path + "/assignments",
                      "{\"partner_org_id\":" + std::to_string(cast.orgs.at(partner)) + "}");
    BOOST_REQUIRE_MESSAGE(assigned.status == 201, partner << ": " << assigned.body);
    BOOST_TEST(stateOf(assigned) == "assigned");
    BOOST_TEST(!offers(assigned, "accept"));  // the partner's event
    BOOST_TEST(offers(assigned, "cancel"));
  }
  // Written in Spanish: held until the fund attaches the English translation (the GCF reviews in
  // English), and the step says why, in the reader's language.
  const auto untranslated = read(cast.fm1, path);
  BOOST_TEST(!offers(untranslated, "send_to_review"));
  const auto held = untranslated.json->getArray("held");
  BOOST_REQUIRE_EQUAL(held->size(), 1u);
  BOOST_TEST(held->getObject(0)->getValue<std::string>("event") == "send_to_review");
  BOOST_TEST(held->getObject(0)->getValue<std::string>("guard") == "english_translation");
  const auto refused = tryFire(cast.fm1, path, {.name = "send_to_review"});
  BOOST_TEST(refused.status == 409, refused.body);
  BOOST_TEST(refused.json->getValue<std::string>("detail") ==
             "This proposal is not written in English: attach its English translation first (the "
             "fund reviews in English).");
  BOOST_TEST(stateOf(read(cast.fm1, path)) == "screening");
  const auto translated = cast.fm1.put(path + "/translation", kTranslation);
  BOOST_REQUIRE_MESSAGE(translated.status == 200, translated.body);
  BOOST_TEST(translated.json->getArray("held")->size() == 0u);
  BOOST_TEST(offers(translated, "send_to_review"));
  const auto sent = fire(cast.fm1, path, {.name = "send_to_review"}, "in_review");
  BOOST_TEST(!offers(sent, "close_review"));  // no review submitted yet
  BOOST_TEST(offers(read(cast.applicant, path), "withdraw"));
}

void Pipeline::review() {
  const auto before = read(cast.unhcr, path);  // a reviewer who has not declared yet
  BOOST_TEST(!before.json->getValue<bool>("full_access"));
  BOOST_TEST(!before.json->getObject("current")->has("budget"));
  const auto mine = read(cast.iom, assignmentPath(assignmentOf(cast.iom, proposal)));
  BOOST_TEST(offers(mine, "accept"));
  BOOST_TEST(offers(mine, "decline"));
  const auto undeclared = tryFire(cast.iom, assignmentPath(idOf(mine)), {.name = "accept"});
  BOOST_TEST(undeclared.status == 422, undeclared.body);
  reviewAs(cast, cast.iom, proposal, {5, 4, 4, 4, 5});
  BOOST_TEST(read(cast.iom, path).json->getValue<bool>("full_access"));
  BOOST_TEST(!offers(read(cast.fm1, path), "close_review"));  // UNHCR has not answered
  const auto theirs = assignmentPath(assignmentOf(cast.unhcr, proposal));
  fire(cast.unhcr, theirs,
       {.name = "decline", .reason = "Conflict of interest: we fund a partner NGO."}, "declined");
  const auto compared = read(cast.fm1, path + "/reviews");
  BOOST_TEST(compared.json->getObject("summary")->getValue<int>("reviews") == 1);
}

void Pipeline::decision() {
  BOOST_TEST(offers(read(cast.fm1, path), "close_review"));
  const auto reviewed = fire(cast.fm1, path, {.name = "close_review"}, "reviewed");
  BOOST_TEST(offers(reviewed, "propose_award"));
  BOOST_TEST(!offers(reviewed, "approve"));  // above the threshold: four eyes
  BOOST_TEST(offers(reviewed, "reject"));
  BOOST_TEST(kRequested > cast.threshold_minor);
  const auto direct = tryFire(cast.fm1, path, {.name = "approve"});
  BOOST_TEST(direct.status == 409, direct.body);
  const auto proposed = fire(cast.fm1, path,
                             {.name = "propose_award",
                              .reason = "Highest-scored proposal; budget trimmed on M&E.",
                              .amount_minor = kAward},
                             "award_proposed");
  BOOST_TEST(minorOf(proposed.json, "award") == kAward);
  BOOST_TEST(!offers(proposed, "approve"));  // the proposer may not confirm
  BOOST_TEST(offers(proposed, "withdraw_award"));
  BOOST_TEST(offers(read(cast.fm2, path), "approve"));
  const auto own = tryFire(cast.fm1, path, {.name = "approve"});
  BOOST_TEST((own.status == 403 || own.status == 409), own.body);
  BOOST_TEST(own.isProblem(), own.body);
  BOOST_TEST(stateOf(read(cast.fm1, path)) == "award_proposed");
  BOOST_TEST(!grantOf(cast.fm1, proposal).has_value());
  const auto approved =
      fire(cast.fm2, path, {.name = "approve", .reason = "Confirmed."}, "approved");
  BOOST_TEST(minorOf(approved.json, "award") == kAward);
  BOOST_TEST(actionsOf(approved).empty());
}

void Pipeline::agreement() {
  const auto id = grantOf(cast.fm1, proposal);
  BOOST_REQUIRE(id.has_value());
  grant = *id;
  BOOST_TEST(grantOf(cast.applicant, proposal).value_or(0) == grant);
  BOOST_TEST(grantOf(cast.iom, proposal).value_or(0) == grant);  // the supporting partner
  BOOST_TEST(!grantOf(cast.unhcr, proposal).has_value());
  const auto pending = read(cast.applicant, grantPath(grant));
  BOOST_TEST(stateOf(pending) == "pending_agreement");
  BOOST_TEST(minorOf(pending.json, "amount") == kAward);
  BOOST_TEST(pending.json->getValue<std::int64_t>("supporting_org_id") == cast.orgs.at("IOM"));
  BOOST_TEST(actionsOf(pending) == std::vector<std::string>{"sign"});
  BOOST_TEST(!offers(read(cast.fm1, grantPath(grant)), "sign"));
  fire(cast.applicant, grantPath(grant), {.name = "sign"}, "active");
  const auto list = tranchesOf(cast.applicant, grant);
  BOOST_REQUIRE_EQUAL(list->size(), 3u);
  for (std::size_t i = 0; i < list->size(); ++i)
    tranches.push_back(list->getObject(static_cast<unsigned>(i))->getValue<std::int64_t>("id"));
  BOOST_TEST(offers(read(cast.applicant, tranchePath(tranches[0])), "request"));
  BOOST_TEST(!offers(read(cast.applicant, tranchePath(tranches[1])), "request"));
  const auto all = itemsOf(read(cast.applicant, grantPath(grant) + "/reports"));
  for (std::size_t i = 0; i < all->size(); ++i) {
    const auto r = all->getObject(static_cast<unsigned>(i));
    reports[r->getValue<std::string>("kind")] = r->getValue<std::int64_t>("id");
  }
  BOOST_TEST(reports.size() == 3u);  // progress, financial, final
}

void Pipeline::payTranche(std::size_t index) {
  const auto t = tranchePath(tranches.at(index));
  const auto requested = fire(cast.applicant, t, {.name = "request"}, "requested");
  BOOST_TEST(!offers(requested, "verify"));
  BOOST_TEST(offers(read(cast.iom, t), "verify"));
  BOOST_TEST(cast.unhcr.get(t).status == 404);        // not the supporting partner
  BOOST_TEST(!offers(read(cast.fm1, t), "approve"));  // not verified yet
  fire(cast.iom, t, {.name = "verify"}, "verified");
  BOOST_TEST(offers(read(cast.fm1, t), "approve"));
  const auto approved = fire(cast.fm1, t, {.name = "approve"}, "approved");
  BOOST_TEST(!offers(approved, "disburse"));  // the approver never pays
  BOOST_TEST(offers(read(cast.fm2, t), "disburse"));
  const Event pay{.name = "disburse",
                  .payment_reference = "MMC-PAY-BAQ-" + std::to_string(index + 1)};
  const Headers key{{"Idempotency-Key", "pipeline-" + std::to_string(tranches[index]) + "-pay"}};
  const auto refused = tryFire(cast.fm1, t, pay, key);
  BOOST_TEST(refused.status == 403, refused.body);
  BOOST_TEST(refused.isProblem(), refused.body);
  const auto paid = fire(cast.fm2, t, pay, "disbursed", key);
  BOOST_TEST(paid.json->getValue<std::int64_t>("disbursed_by") == userIdOf(cast.fm2));
  BOOST_TEST(paid.json->getValue<std::string>("payment_reference") == *pay.payment_reference);
  BOOST_TEST(actionsOf(paid).empty());
}

// A report's "spending" in the form PUT takes it: [{"budget_line_id":..,"actual_minor":..},..].
std::string spendingOf(const Response& report) {
  const auto lines = report.json->getArray("spending");
  std::string out = "[";
  for (unsigned i = 0; i < lines->size(); ++i) {
    const auto line = lines->getObject(i);
    out += (i ? "," : "") + std::string("{\"budget_line_id\":") +
           std::to_string(line->getValue<std::int64_t>("budget_line_id")) +
           ",\"actual_minor\":" + std::to_string(line->getValue<std::int64_t>("actual_minor")) + "}";
  }
  return out + "]";
}

void Pipeline::report(const std::string& kind, const std::string& narrative,
                      const std::string& spending) {
  const auto r = reportPath(reports.at(kind));
  BOOST_TEST(!offers(read(cast.applicant, r), "submit"));  // nothing written yet
  std::string body = "{\"narrative\":" + quoted(narrative);
  if (!spending.empty()) body += ",\"spending\":" + spending;
  if (kind != "financial") body += ",\"results\":[" + peopleReached(kind == "final" ? 3100 : 1900) + "]";
  const auto saved = putWithEtag(cast.applicant, r, body + "}");
  BOOST_REQUIRE_MESSAGE(saved.status == 200, kind << ": " << saved.body);
  BOOST_TEST(offers(saved, "submit"));
  const std::string stated = spending.empty() ? "[]" : spending;  // lines in id order
  BOOST_TEST(spendingOf(saved) == stated);
  BOOST_TEST(spendingOf(read(cast.fm1, r)) == stated);
  const auto submitted = fire(cast.applicant, r, {.name = "submit"}, "submitted");
  BOOST_TEST(actionsOf(submitted).empty());
  const auto seen = read(cast.iom, r);
  BOOST_TEST(offers(seen, "accept"));
  BOOST_TEST(offers(seen, "request_changes"));
  BOOST_TEST(!offers(read(cast.fm1, r), "accept"));  // the supporting partner accepts
  fire(cast.iom, r, {.name = "accept"}, "accepted");
}

// The second tranche waits for the accepted progress report.
void Pipeline::midTermReport() {
  const auto second = tranchePath(tranches.at(1));
  BOOST_TEST(!offers(read(cast.applicant, second), "request"));
  report("progress", "Dos centros de atención abiertos; 1.900 personas atendidas, 52 % mujeres.");
  BOOST_TEST(offers(read(cast.applicant, second), "request"));
}

// Spending stated for every budget line of the approved version; the grant then shows it as
// budget vs actual.
void Pipeline::financialReport() {
  const auto lines = read(cast.applicant, path).json->getObject("current")->getArray("budget");
  BOOST_REQUIRE_EQUAL(lines->size(), 3u);
  std::string spending = "[";
  std::int64_t spent = 0;
  for (unsigned i = 0; i < lines->size(); ++i) {
    const auto line = lines->getObject(i);
    const std::int64_t actual = minorOf(line, "amount") - std::int64_t{i} * 1000;
    spent += actual;
    spending += (i ? "," : "") + std::string("{\"budget_line_id\":") +
                std::to_string(line->getValue<std::int64_t>("id")) +
                ",\"actual_minor\":" + std::to_string(actual) + "}";
  }
  report("financial", "Ejecución financiera final por línea presupuestal.", spending + "]");
  const auto budget = itemsOf(read(cast.fm1, grantPath(grant) + "/budget"));
  std::int64_t actual = 0;
  for (unsigned i = 0; i < budget->size(); ++i) actual += minorOf(budget->getObject(i), "actual");
  BOOST_TEST(actual == spent);
}

void Pipeline::closeOut() {
  BOOST_TEST(!offers(read(cast.fm1, grantPath(grant)), "complete"));  // the last tranche is unpaid
  payTranche(2);
  const auto done = read(cast.fm1, grantPath(grant));
  BOOST_TEST(offers(done, "complete"));
  BOOST_TEST(!offers(read(cast.applicant, grantPath(grant)), "complete"));
  const auto completed = fire(cast.fm1, grantPath(grant), {.name = "complete"}, "completed");
  BOOST_TEST(offers(completed, "close"));
  const auto closed = fire(cast.fm1, grantPath(grant), {.name = "close"}, "closed");
  BOOST_TEST(actionsOf(closed).empty());
}

// The events of a timeline, as "entity:event", oldest first.
std::vector<std::string> eventsOf(const Response& timeline) {
  std::vector<std::string> out;
  const auto items = itemsOf(timeline);
  for (std::size_t i = 0; i < items->size(); ++i) {
    const auto e = items->getObject(static_cast<unsigned>(i));
    out.push_back(e->getValue<std::string>("entity") + ":" + e->getValue<std::string>("event"));
  }
  return out;
}

std::string rendered(const std::map<std::string, int>& counts) {
  std::string out;
  for (const auto& [event, n] : counts) out += event + "×" + std::to_string(n) + " ";
  return out;
}

void Pipeline::checkRecord() {
  const auto verified = read(cast.auditor, "/api/v1/audit/verify");
  BOOST_TEST(verified.json->getValue<bool>("ok"), verified.body);
  // The audit list's total counts every matching event, not the page.
  auto& db = cast.server.db();
  const auto all = read(cast.auditor, "/api/v1/audit?limit=5");
  BOOST_TEST(itemsOf(all)->size() == 5u);
  BOOST_TEST(all.json->getValue<std::int64_t>("total") == *queryInt(db, "SELECT COUNT(*) FROM audit_events"));
  const auto of_grant = read(cast.auditor, "/api/v1/audit?entity=grant&entity_id=" + std::to_string(grant) + "&limit=2");
  BOOST_TEST(of_grant.json->getValue<std::int64_t>("total") ==
             *queryInt(db, "SELECT COUNT(*) FROM audit_events WHERE entity = 'grant' AND entity_id = :p", grant));
  BOOST_TEST(of_grant.json->getValue<std::int64_t>("total") > 2);
  const auto list = tranchesOf(cast.auditor, grant);
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto t = list->getObject(static_cast<unsigned>(i));
    BOOST_TEST(t->getValue<std::string>("state") == "disbursed");
    sum += minorOf(t, "amount");
  }
  BOOST_TEST(sum == kAward);
  BOOST_TEST(minorOf(list->getObject(0), "amount") == kAward * 40 / 100);
  const std::vector<std::string> proposal_steps = {"proposal:create",
                                                   "proposal:submit_concept",
                                                   "proposal:invite",
                                                   "proposal:edit",
                                                   "proposal:submit",
                                                   "proposal:screen",
                                                   "proposal:set_supporting_partner",
                                                   "proposal:attach_translation",
                                                   "proposal:send_to_review",
                                                   "proposal:close_review",
                                                   "proposal:propose_award",
                                                   "proposal:approve"};
  BOOST_TEST(eventsOf(read(cast.auditor, path + "/timeline")) == proposal_steps,
             boost::test_tools::per_element());
  std::map<std::string, int> counted;
  for (const auto& e : eventsOf(read(cast.auditor, grantPath(grant) + "/timeline"))) ++counted[e];
  const std::map<std::string, int> grant_steps = {
      {"grant:create", 1},    {"grant:sign", 1},       {"grant:complete", 1},
      {"grant:close", 1},     {"tranche:request", 3},  {"tranche:verify", 3},
      {"tranche:approve", 3}, {"tranche:disburse", 3}, {"report:edit", 3},
      {"report:submit", 3},   {"report:accept", 3}};
  BOOST_TEST(rendered(counted) == rendered(grant_steps));
  const auto timeline = eventsOf(read(cast.applicant, grantPath(grant) + "/timeline"));
  BOOST_TEST(timeline.front() == "grant:create");
  BOOST_TEST(timeline.back() == "grant:close");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pipeline_over_http, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(
    a_grant_runs_from_concept_note_to_close_out_with_each_user_offered_their_next_step) {
  Pipeline p;
  p.conceptAndInvitation();
  p.fullProposal();
  p.screening();
  p.review();
  p.decision();
  p.agreement();
  p.payTranche(0);
  p.midTermReport();
  p.payTranche(1);
  p.financialReport();
  p.report("final", "El programa cumplió sus metas: 6.100 personas atendidas en 24 meses.");
  p.closeOut();
  p.checkRecord();
}

BOOST_AUTO_TEST_SUITE_END()
