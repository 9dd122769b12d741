// The threads of proposals and grants as the use cases answer them: who reads and writes which
// message (a city never an internal one, by any route: the thread, one message, its files, the
// timeline, the inbox), the reasons of the record's steps in the thread, and whose turn it is.

#include "services/usecases/message_service.h"

#include <algorithm>
#include <string>

#include <boost/test/unit_test.hpp>

#include "modules/core/problem.h"
#include "services/usecases/inbox_service.h"
#include "services/usecases/proposal_service.h"
#include "services/usecases/review_service.h"
#include "services/usecases/timeline_service.h"
#include "tests/services/fixture.h"

using namespace citygrants;
using core::Problem;
using core::ProblemKind;
using stores::ThreadRecord;

namespace {

auto kindIs(ProblemKind kind) {
  return [kind](const Problem& p) { return p.kind() == kind; };
}

bool names(const Problem& p, const std::string& field) {
  return std::any_of(p.fields().begin(), p.fields().end(),
                     [&](const core::FieldError& f) { return f.field == field; });
}

ThreadRecord proposalThread(std::int64_t id) { return {ThreadRecord::Kind::kProposal, id}; }
ThreadRecord grantThread(std::int64_t id) { return {ThreadRecord::Kind::kGrant, id}; }

usecases::NewMessage say(const std::string& body, const std::string& visibility) {
  return {body, visibility, {}};
}

// The bodies of the messages of `view`, in order.
std::vector<std::string> bodies(const usecases::ThreadView& view) {
  std::vector<std::string> out;
  for (const auto& e : view.entries) {
    if (e.message) out.push_back(e.message->body);
  }
  return out;
}

// Whether any timeline row's detail carries `text`.
bool timelineHas(const std::vector<audit::AuditRow>& rows, const std::string& text) {
  return std::any_of(rows.begin(), rows.end(), [&](const audit::AuditRow& r) {
    return r.entry.detail.find(text) != std::string::npos;
  });
}

std::vector<std::string> kindsOf(usecases::InboxService& inbox, const access::Actor& who) {
  std::vector<std::string> out;
  for (const auto& i : inbox.of(who, {}).items) {
    if (i.kind.rfind("message.", 0) == 0)
      out.push_back(i.kind + "#" + i.record.kind + ":" + std::to_string(i.record.id));
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(message_threads)

BOOST_AUTO_TEST_CASE(a_city_never_reads_an_internal_message_by_any_route) {
  testing::Fund f("threads_internal");
  usecases::MessageService threads(f.ctx);
  const auto id = f.supportedProposal();
  threads.post(f.applicant_a, proposalThread(id), say("When will you screen it?", "shared"));
  const auto internal = threads.post(f.fm1, proposalThread(id),
                                     say("Budget looks padded: check line 2.", "internal"));
  threads.post(f.reviewer_a, proposalThread(id), say("We will visit next week.", "shared"));

  BOOST_TEST((bodies(threads.thread(f.applicant_a, proposalThread(id))) ==
              std::vector<std::string>{"When will you screen it?", "We will visit next week."}));
  for (const auto& reader : {f.fm1, f.fm2, f.auditor, f.reviewer_a}) {
    BOOST_TEST(bodies(threads.thread(reader, proposalThread(id))).size() == 3u);
  }
  BOOST_CHECK_EXCEPTION(threads.message(f.applicant_a, internal.id), Problem,
                        kindIs(ProblemKind::kNotFound));
  BOOST_TEST(threads.message(f.auditor, internal.id).message->body == internal.body);
  usecases::TimelineService timeline(f.ctx);
  BOOST_TEST(!timelineHas(timeline.forProposal(f.applicant_a, id), "Budget looks padded"));
  BOOST_TEST(timelineHas(timeline.forProposal(f.applicant_a, id), "When will you screen it?"));
  BOOST_TEST(timelineHas(timeline.forProposal(f.fm2, id), "Budget looks padded"));
}

BOOST_AUTO_TEST_CASE(who_may_write_follows_the_thread_table) {
  testing::Fund f("threads_writers");
  usecases::MessageService threads(f.ctx);
  const auto id = f.supportedProposal();
  const auto t = proposalThread(id);
  // Another city and a partner with no part in it do not see the record at all; nor do admins.
  for (const auto& outsider : {f.applicant_b, f.reviewer_b, f.admin}) {
    BOOST_CHECK_EXCEPTION(threads.post(outsider, t, say("Hello", "shared")), Problem,
                          kindIs(ProblemKind::kNotFound));
    BOOST_CHECK_EXCEPTION(threads.thread(outsider, t), Problem, kindIs(ProblemKind::kNotFound));
  }
  BOOST_CHECK_EXCEPTION(threads.post(f.auditor, t, say("Noted", "internal")), Problem,
                        kindIs(ProblemKind::kForbidden));
  BOOST_CHECK_EXCEPTION(
      threads.post(f.applicant_a, t, say("Psst", "internal")), Problem,
      [](const Problem& p) { return p.kind() == ProblemKind::kInvalid && names(p, "visibility"); });
  BOOST_TEST(threads.post(f.reviewer_a, t, say("Partner note", "internal")).author_side ==
             "partner");
  BOOST_TEST(threads.post(f.fm2, t, say("Fund note", "internal")).author_side == "fund");
  BOOST_TEST(threads.post(f.applicant_a, t, say("City note", "shared")).author_side == "city");
  BOOST_TEST(threads.thread(f.auditor, t).rights.writes.empty());
  BOOST_TEST((threads.thread(f.applicant_a, t).rights.writes == access::kSharedOnly));
}

BOOST_AUTO_TEST_CASE(a_reviewer_takes_part_once_they_declare_no_conflict) {
  testing::Fund f("threads_reviewer");
  usecases::MessageService threads(f.ctx);
  usecases::ReviewService reviews(f.ctx);
  const auto id = f.supportedProposal();
  threads.post(f.fm1, proposalThread(id), say("Internal briefing for reviewers.", "internal"));
  const auto assignment = reviews.assign(f.fm1, id, f.partner_b);
  // Assigned but not declared: the title page only, so no thread and no writing on it.
  const auto before = threads.thread(f.reviewer_b, proposalThread(id));
  BOOST_TEST(before.entries.empty());
  BOOST_TEST(before.rights.reads.empty());
  BOOST_CHECK_EXCEPTION(threads.post(f.reviewer_b, proposalThread(id), say("Hi", "shared")),
                        Problem, kindIs(ProblemKind::kForbidden));
  BOOST_TEST(!timelineHas(usecases::TimelineService(f.ctx).forProposal(f.reviewer_b, id),
                          "Internal briefing"));
  usecases::TransitionRequest accept{.event = "accept"};
  accept.input.no_conflict_declared = true;
  reviews.fire(f.reviewer_b, assignment.id, accept);
  BOOST_TEST(bodies(threads.thread(f.reviewer_b, proposalThread(id))).size() == 1u);
  BOOST_TEST(threads.post(f.reviewer_b, proposalThread(id), say("Declared.", "internal")).id > 0);
}

BOOST_AUTO_TEST_CASE(bad_messages_are_refused_naming_the_field_and_nothing_is_written) {
  testing::Fund f("threads_invalid");
  usecases::MessageService threads(f.ctx);
  const auto id = f.supportedProposal();
  const auto audit = testing::auditHead(f.ctx.db);
  auto refused = [&](const usecases::NewMessage& m, const std::string& field) {
    BOOST_CHECK_EXCEPTION(
        threads.post(f.fm1, proposalThread(id), m), Problem,
        [&](const Problem& p) { return p.kind() == ProblemKind::kInvalid && names(p, field); });
  };
  refused(say("", "shared"), "body");
  refused(say("  \n ", "shared"), "body");
  refused(say(std::string(10'001, 'a'), "shared"), "body");
  refused(say("Hello", "public"), "visibility");
  refused({"Hello", std::nullopt, {}}, "visibility");
  BOOST_TEST(testing::auditHead(f.ctx.db) == audit);
  BOOST_TEST(threads.thread(f.fm1, proposalThread(id)).entries.empty());
}

BOOST_AUTO_TEST_CASE(the_reasons_of_the_records_steps_appear_in_the_thread_in_order) {
  testing::Fund f("threads_steps");
  usecases::MessageService threads(f.ctx);
  usecases::ProposalService proposals(f.ctx);
  const auto id = f.draftProposal();
  proposals.fire(f.applicant_a, id, {.event = "submit"});
  threads.post(f.applicant_a, proposalThread(id), say("Submitted: any questions?", "shared"));
  proposals.fire(f.fm1, id, {.event = "screen"});
  usecases::TransitionRequest back{.event = "return"};
  back.input.reason = "Please split the personnel line by role.";
  proposals.fire(f.fm1, id, back);
  const auto view = threads.thread(f.applicant_a, proposalThread(id));
  BOOST_REQUIRE(view.entries.size() == 2u);  // screen carried no reason: not in the thread
  BOOST_TEST(view.entries[0].message.has_value());
  BOOST_TEST(!view.entries[1].message.has_value());
  BOOST_TEST(view.entries[1].event == "return");
  BOOST_TEST(view.entries[1].reason == "Please split the personnel line by role.");
  BOOST_TEST(view.entries[1].author->side == "fund");
  BOOST_TEST(view.entries[1].author->name.size() > 0u);
}

BOOST_AUTO_TEST_CASE(a_city_learns_a_reviewer_author_only_as_a_partner) {
  testing::Fund f("threads_authors");
  usecases::MessageService threads(f.ctx);
  usecases::ReviewService reviews(f.ctx);
  const auto id = f.supportedProposal();  // partner A supports it
  const auto assignment = reviews.assign(f.fm1, id, f.partner_b);
  usecases::TransitionRequest accept{.event = "accept"};
  accept.input.no_conflict_declared = true;
  reviews.fire(f.reviewer_b, assignment.id, accept);
  threads.post(f.reviewer_a, proposalThread(id), say("From the supporting partner.", "shared"));
  threads.post(f.reviewer_b, proposalThread(id), say("From a reviewer.", "shared"));
  const auto city = threads.thread(f.applicant_a, proposalThread(id)).entries;
  BOOST_REQUIRE(city.size() == 2u);
  BOOST_TEST(!city[0].author->id.has_value());
  BOOST_TEST(city[0].author->organisation == "IOM");
  BOOST_TEST(!city[1].author->id.has_value());
  BOOST_TEST(city[1].author->organisation.empty());
  BOOST_TEST(city[1].author->side == "partner");
  const auto fund = threads.thread(f.fm1, proposalThread(id)).entries;
  BOOST_TEST(fund[1].author->organisation == "UNHCR");
  BOOST_TEST(*fund[1].author->id == f.reviewer_b.user_id);
  // The timeline too, by the same rule (access::discloseTo): the reviewer's message reaches the
  // city as a partner's, the supporting partner's as IOM's, the fund reads both authors.
  usecases::TimelineService timeline(f.ctx);
  auto authorOf = [](const std::vector<audit::AuditRow>& rows, const std::string& words) {
    for (const auto& r : rows) {
      if (r.entry.entity == "message" && r.entry.detail.find(words) != std::string::npos) {
        return r.actor;
      }
    }
    BOOST_FAIL("no message with " + words);
    return std::optional<access::ActorView>();
  };
  const auto city_reviewer = authorOf(timeline.forProposal(f.applicant_a, id), "From a reviewer.");
  BOOST_REQUIRE(city_reviewer.has_value());
  BOOST_TEST(!city_reviewer->id.has_value());
  BOOST_TEST(city_reviewer->organisation.empty());
  BOOST_TEST((city_reviewer->side == access::OrgKind::kPartner));
  const auto fund_reviewer = authorOf(timeline.forProposal(f.fm1, id), "From a reviewer.");
  BOOST_REQUIRE(fund_reviewer.has_value());
  BOOST_TEST(fund_reviewer->id.value_or(0) == f.reviewer_b.user_id);
  const auto city_supporting =
      authorOf(timeline.forProposal(f.applicant_a, id), "From the supporting partner.");
  BOOST_REQUIRE(city_supporting.has_value());
  BOOST_TEST(!city_supporting->id.has_value());
  BOOST_TEST(city_supporting->organisation == "IOM");
}

BOOST_AUTO_TEST_CASE(the_inbox_shows_whose_turn_it_is_and_internal_notes_are_no_answer) {
  testing::Fund f("threads_inbox");
  usecases::MessageService threads(f.ctx);
  usecases::InboxService inbox(f.ctx);
  const auto id = f.supportedProposal();
  const auto grant = f.approvedGrant();
  const std::string proposal = "proposal:" + std::to_string(id);
  BOOST_TEST(kindsOf(inbox, f.fm1).empty());
  threads.post(f.applicant_a, proposalThread(id), say("A question from the city.", "shared"));
  BOOST_TEST((kindsOf(inbox, f.fm1) == std::vector<std::string>{"message.from_city#" + proposal}));
  BOOST_TEST((kindsOf(inbox, f.fm2) == kindsOf(inbox, f.fm1)));
  BOOST_TEST(kindsOf(inbox, f.applicant_a).empty());
  BOOST_TEST(kindsOf(inbox, f.applicant_b).empty());
  // An internal note is no answer to the city.
  threads.post(f.fm1, proposalThread(id), say("Who answers this?", "internal"));
  BOOST_TEST(kindsOf(inbox, f.fm1).size() == 1u);
  BOOST_TEST(kindsOf(inbox, f.applicant_a).empty());
  threads.post(f.fm2, proposalThread(id), say("The fund's answer.", "shared"));
  BOOST_TEST(kindsOf(inbox, f.fm1).empty());
  BOOST_TEST(
      (kindsOf(inbox, f.applicant_a) == std::vector<std::string>{"message.from_fund#" + proposal}));
  BOOST_TEST(kindsOf(inbox, f.applicant_b).empty());
  threads.post(f.fm1, grantThread(grant), say("Please sign the agreement.", "shared"));
  BOOST_TEST(kindsOf(inbox, f.applicant_a).size() == 2u);
  const auto items = inbox.of(f.applicant_a, {.kind = "message.from_fund"}).items;
  BOOST_REQUIRE(items.size() == 2u);
  for (const auto& i : items) {
    BOOST_TEST((i.expected == std::vector<std::string>{"reply"}));
    BOOST_TEST(i.record.city_name == "Kampala");
  }
}

BOOST_AUTO_TEST_SUITE_END()
