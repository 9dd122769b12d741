#include "services/usecases/review_service.h"
#include "web/handlers/actor_json.h"
#include "web/handlers/list_filters.h"
#include "web/handlers/routes.h"
#include "web/http/json_encode.h"
#include "web/http/json_reader.h"
#include "web/http/transition_request.h"

namespace citygrants::handlers {
namespace {

constexpr std::size_t kMaxComment = 20'000;  // characters
constexpr std::size_t kMaxScores = 50;

http::JsonObject assignmentJson(const stores::Assignment& a,
                                const std::vector<std::string>& actions,
                                const usecases::Actors& actors) {
  auto o = http::object();
  o->set("id", a.id);
  o->set("state", a.state);
  o->set("version", a.version);
  o->set("actions", http::strings(actions));
  o->set("proposal_id", a.proposal_id);
  o->set("version_number", a.version_number);
  o->set("partner_org_id", a.partner_org_id);
  http::setOptional(o, "reviewer_id", a.reviewer_id);
  http::setTime(o, "declared_at", a.declared_at);
  http::setOptional(o, "reason", a.reason);
  o->set("comment", a.comment);
  http::setTime(o, "submitted_at", a.submitted_at);
  http::setTime(o, "due_at", a.due_at);
  o->set("created_by", a.created_by);
  setActors(o, actors);
  return o;
}

// What an assignment list shows of the proposal: what a reviewer sees before declaring.
http::JsonObject reviewedProposalJson(const stores::ReviewedProposal& p) {
  auto o = http::object();
  o->set("id", p.id);
  o->set("reference", p.reference);
  o->set("title", p.title);
  auto city = http::object();
  city->set("id", p.city_org_id);
  city->set("name", p.city_name);
  o->set("city", city);
  o->set("amount", http::money(p.amount_minor, p.currency));
  o->set("state", p.state);
  return o;
}

http::JsonArray scoresJson(const std::vector<stores::StoredScore>& scores) {
  http::JsonArray out = new Poco::JSON::Array;
  for (const auto& s : scores) {
    auto o = http::object();
    o->set("criterion_id", s.score.criterion_id);
    o->set("score", s.score.value);
    o->set("comment", s.comment);
    out->add(o);
  }
  return out;
}

http::JsonObject reviewRowJson(const usecases::ReviewSummary::Row& row) {
  const auto& a = row.assignment;
  auto o = http::object();
  o->set("id", a.id);
  o->set("state", a.state);
  o->set("partner_org_id", a.partner_org_id);
  http::setOptional(o, "reviewer_id", a.reviewer_id);
  o->set("version_number", a.version_number);
  http::setTime(o, "submitted_at", a.submitted_at);
  if (row.mean_milli) {
    o->set("mean_milli", *row.mean_milli);
  } else {
    o->set("mean_milli", Poco::Dynamic::Var());
  }
  o->set("comment", a.comment);
  o->set("scores", scoresJson(row.scores));
  setActors(o, row.actors);
  return o;
}

http::JsonObject summaryJson(const review::Summary& s) {
  auto o = http::object();
  o->set("reviews", s.reviews);
  o->set("mean_milli", s.mean_milli);
  o->set("spread_milli", s.spread_milli);
  o->set("spread_flag", s.spread_flag);
  return o;
}

// The body of PUT /assignments/{id}/scores: {"scores": [{"criterion_id", "score", "comment"}],
// "comment"}.
struct ScoreSheet {
  std::vector<stores::StoredScore> scores;
  std::string comment;
};

ScoreSheet decodeScoreSheet(const ApiRequest& req) {
  http::JsonReader in(req.json());
  ScoreSheet out;
  if (auto list = in.objectList("scores", true, kMaxScores)) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      auto item = in.nested(list, i, "scores");
      stores::StoredScore s;
      s.score.criterion_id = item.integer("criterion_id", true, 1, INT64_MAX).value_or(0);
      s.score.value = static_cast<int>(
          item.integer("score", true, review::kMinScore, review::kMaxScore).value_or(0));
      s.comment = item.text("comment", false, kMaxComment).value_or("");
      in.absorb(item);
      out.scores.push_back(s);
    }
  }
  out.comment = in.text("comment", false, kMaxComment).value_or("");
  in.finish();
  return out;
}

}  // namespace

ApiResponse listAssignments(ApiContext& ctx, ApiRequest& req) {
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& a : usecases::ReviewService(ctx.useCases()).forProposal(req.who(), req.id())) {
    items->add(assignmentJson(a, a.actions, a.actors));
  }
  return http::jsonResponse(
      http::page(items, static_cast<std::int64_t>(items->size()), std::nullopt));
}

ApiResponse listAllAssignments(ApiContext& ctx, ApiRequest& req) {
  auto q = assignmentFilters(req);
  q.limit = static_cast<int>(req.queryInt("limit", 1, 200).value_or(50));
  q.before_id = req.queryInt("after", 1, INT64_MAX);
  const auto page = usecases::ReviewService(ctx.useCases()).list(req.who(), q);
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& e : page.items) {
    auto o = assignmentJson(e.assignment, e.actions, e.actors);
    o->set("proposal", reviewedProposalJson(e.proposal));
    items->add(o);
  }
  std::optional<std::string> next;
  if (page.more) next = std::to_string(page.items.back().assignment.id);
  return http::jsonResponse(http::page(items, page.total, next));
}

ApiResponse postAssignment(ApiContext& ctx, ApiRequest& req) {
  http::JsonReader in(req.json());
  const auto org = in.integer("partner_org_id", true, 1, INT64_MAX);
  in.finish();
  const auto a = usecases::ReviewService(ctx.useCases()).assign(req.who(), req.id(), *org);
  auto r = http::versionedResponse(assignmentJson(a, a.actions, a.actors), a.version, 201);
  r.headers.emplace_back("Location", "/api/v1/assignments/" + std::to_string(a.id));
  return r;
}

ApiResponse getAssignment(ApiContext& ctx, ApiRequest& req) {
  const auto a = usecases::ReviewService(ctx.useCases()).get(req.who(), req.id());
  return http::versionedResponse(assignmentJson(a, a.actions, a.actors), a.version);
}

ApiResponse postAssignmentTransition(ApiContext& ctx, ApiRequest& req) {
  const auto transition = http::decodeTransition(req);
  const auto a = usecases::ReviewService(ctx.useCases()).fire(req.who(), req.id(), transition);
  http::countTransition(ctx, "review_assignment", transition.event);
  return http::versionedResponse(assignmentJson(a, a.actions, a.actors), a.version);
}

ApiResponse listAssignmentScores(ApiContext& ctx, ApiRequest& req) {
  const auto scores = usecases::ReviewService(ctx.useCases()).scores(req.who(), req.id());
  return http::jsonResponse(
      http::page(scoresJson(scores), static_cast<std::int64_t>(scores.size()), std::nullopt));
}

ApiResponse putAssignmentScores(ApiContext& ctx, ApiRequest& req) {
  const auto version = req.ifMatch();
  const auto sheet = decodeScoreSheet(req);
  const auto a = usecases::ReviewService(ctx.useCases())
                     .score(req.who(), req.id(), version, sheet.scores, sheet.comment);
  return http::versionedResponse(assignmentJson(a, a.actions, a.actors), a.version);
}

ApiResponse getReviewComparison(ApiContext& ctx, ApiRequest& req) {
  const auto compared = usecases::ReviewService(ctx.useCases()).compare(req.who(), req.id());
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& row : compared.reviews) items->add(reviewRowJson(row));
  auto body = http::page(items, static_cast<std::int64_t>(items->size()), std::nullopt);
  body->set("summary", summaryJson(compared.summary));
  return http::jsonResponse(body);
}

}  // namespace citygrants::handlers
