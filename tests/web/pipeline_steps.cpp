#include "tests/web/pipeline_steps.h"

#include <algorithm>
#include <sstream>

#include <boost/test/unit_test.hpp>

namespace citygrants::webtest {
namespace {

// What a failing check prints about an answer.
std::string shown(const Response& r) {
  return std::to_string(r.status) + " " + r.body.substr(0, 400);
}

}  // namespace

std::string Event::json() const {
  std::string out = "{\"event\":" + quoted(name);
  if (reason) out += ",\"reason\":" + quoted(*reason);
  if (amount_minor) out += ",\"amount_minor\":" + std::to_string(*amount_minor);
  if (payment_reference) out += ",\"payment_reference\":" + quoted(*payment_reference);
  if (no_conflict_declared) out += ",\"no_conflict_declared\":true";
  if (sector_code) out += ",\"sector_code\":" + quoted(*sector_code);
  return out + "}";
}

std::string proposalPath(std::int64_t id) { return "/api/v1/proposals/" + std::to_string(id); }
std::string assignmentPath(std::int64_t id) { return "/api/v1/assignments/" + std::to_string(id); }
std::string grantPath(std::int64_t id) { return "/api/v1/grants/" + std::to_string(id); }
std::string tranchePath(std::int64_t id) { return "/api/v1/tranches/" + std::to_string(id); }
std::string reportPath(std::int64_t id) { return "/api/v1/reports/" + std::to_string(id); }

std::int64_t idOf(const Response& r) {
  BOOST_REQUIRE_MESSAGE(!r.json.isNull() && r.json->has("id"), "no id in " << shown(r));
  return r.json->getValue<std::int64_t>("id");
}

std::string stateOf(const Response& r) {
  if (r.json.isNull() || !r.json->has("state")) return "(no state: " + shown(r) + ")";
  return r.json->getValue<std::string>("state");
}

std::vector<std::string> actionsOf(const Response& r) {
  std::vector<std::string> out;
  if (r.json.isNull() || !r.json->has("actions")) return out;
  const auto list = r.json->getArray("actions");
  for (std::size_t i = 0; i < list->size(); ++i)
    out.push_back(list->getElement<std::string>(static_cast<unsigned>(i)));
  return out;
}

bool offers(const Response& r, const std::string& event) {
  const auto actions = actionsOf(r);
  return std::find(actions.begin(), actions.end(), event) != actions.end();
}

std::int64_t minorOf(const Poco::JSON::Object::Ptr& o, const std::string& member) {
  return o->getObject(member)->getValue<std::int64_t>("amount_minor");
}

Poco::JSON::Array::Ptr itemsOf(const Response& r) {
  BOOST_REQUIRE_MESSAGE(r.status == 200 && !r.json.isNull() && r.json->has("items"),
                        "not a list: " << shown(r));
  return r.json->getArray("items");
}

bool listsId(const Response& r, std::int64_t id) {
  const auto items = itemsOf(r);
  for (unsigned i = 0; i < items->size(); ++i) {
    if (items->getObject(i)->getValue<std::int64_t>("id") == id) return true;
  }
  return false;
}

Response read(Client& c, const std::string& path) {
  auto r = c.get(path);
  BOOST_REQUIRE_MESSAGE(r.status == 200, "GET " << path << " answered " << shown(r));
  return r;
}

Response tryFire(Client& c, const std::string& path, const Event& event, const Headers& headers) {
  const auto before = read(c, path);
  Headers all = headers;
  all.emplace_back("If-Match", before.header("ETag"));
  return c.post(path + "/transitions", event.json(), all);
}

Response fire(Client& c, const std::string& path, const Event& event, const std::string& to,
              const Headers& headers) {
  auto r = tryFire(c, path, event, headers);
  BOOST_REQUIRE_MESSAGE(r.status == 200, event.name << " on " << path << " answered " << shown(r));
  BOOST_REQUIRE_EQUAL(stateOf(r), to);
  BOOST_TEST(r.header("ETag") ==
             "\"v" + std::to_string(r.json->getValue<std::int64_t>("version")) + "\"");
  return r;
}

Response putWithEtag(Client& c, const std::string& path, const std::string& body,
                     const std::string& etag_path) {
  const auto before = read(c, etag_path.empty() ? path : etag_path);
  return c.put(path, body, {{"If-Match", before.header("ETag")}});
}

std::string peopleReached(std::int64_t total) {
  const std::int64_t women = total / 2;
  return R"({"indicator":"people_reached","actual":{"total":)" + std::to_string(total) +
         R"(,"breakdown":{"sex":{"female":)" + std::to_string(women) + R"(,"male":)" +
         std::to_string(total - women) + R"(}}},"comment":"From the registration records."})";
}

std::string proposalContent(const std::string& title, std::int64_t amount_minor,
                            const std::string& language, int periods) {
  std::string targets;
  for (int p = 1; p <= periods; ++p) {
    targets += std::string(p > 1 ? "," : "") + R"({"total":3200,"breakdown":{"sex":{"female":1700,"male":1500}}})";
  }
  const std::string indicators =
      periods == 0 ? "" : R"(,"indicators":[{"indicator":"people_reached","baseline":0,"targets":[)" + targets + "]}]";
  const std::int64_t personnel = amount_minor * 45 / 100;
  const std::int64_t evaluation = amount_minor / 10 + 7;  // odd amounts: the lines still add up
  const std::int64_t activities = amount_minor - personnel - evaluation;
  auto line = [](const char* category, const char* description, std::int64_t amount) {
    return std::string("{\"category\":\"") + category + "\",\"description\":\"" + description +
           "\",\"amount_minor\":" + std::to_string(amount) + "}";
  };
  const std::string summary =
      "Rutas de atención en salud, educación y empleo para población migrante y refugiada, "
      "diseñadas con las organizaciones de base y los servicios sociales del distrito.";
  return "{\"language\":" + quoted(language) + ",\"title\":" + quoted(title) +
         ",\"summary\":" + quoted(summary) +
         ",\"target_groups\":[\"migrants\",\"refugees\",\"host_communities\"]" +
         ",\"beneficiaries\":6400,\"duration_months\":24,\"amount_minor\":" +
         std::to_string(amount_minor) + ",\"budget\":[" +
         line("personnel", "Gestores de caso y coordinación", personnel) + "," +
         line("activities", "Servicios, formación y difusión", activities) + "," +
         line("monitoring_evaluation", "Línea de base y evaluación final", evaluation) + "]" +
         indicators + "}";
}

std::int64_t userIdOf(Client& c) { return idOf(read(c, "/api/v1/me")); }

std::int64_t metricValue(Client& c, const std::string& series) {
  const auto r = c.get("/metrics");
  BOOST_REQUIRE_EQUAL(r.status, 200);
  const std::string prefix = series + " ";
  std::istringstream lines(r.body);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with(prefix)) return std::stoll(line.substr(prefix.size()));
  }
  return 0;
}

std::int64_t transitionsCounted(Client& c, const std::string& machine, const std::string& event) {
  return metricValue(
      c, "citygrants_transitions_total{machine=\"" + machine + "\",event=\"" + event + "\"}");
}

Cast::Cast(Server& s, const std::string& applicant_email)
    : server(s),
      applicant(s.signedIn(applicant_email)),
      fm1(s.signedIn("fm1@mmc.demo")),
      fm2(s.signedIn("fm2@mmc.demo")),
      iom(s.signedIn("reviewer@iom.demo")),
      unhcr(s.signedIn("reviewer@unhcr.demo")),
      auditor(s.signedIn("auditor@mmc.demo")) {
  const auto calls = itemsOf(read(fm1, "/api/v1/calls?state=open"));
  BOOST_REQUIRE_EQUAL(calls->size(), 1u);
  const auto call = calls->getObject(0);
  call_id = call->getValue<std::int64_t>("id");
  threshold_minor = minorOf(call, "threshold");
  const auto list = call->getArray("criteria");
  for (std::size_t i = 0; i < list->size(); ++i) {
    criteria.push_back(list->getObject(static_cast<unsigned>(i))->getValue<std::int64_t>("id"));
  }
  const auto partners = itemsOf(read(fm1, "/api/v1/organisations?kind=partner"));
  for (std::size_t i = 0; i < partners->size(); ++i) {
    const auto o = partners->getObject(static_cast<unsigned>(i));
    orgs[o->getValue<std::string>("name")] = o->getValue<std::int64_t>("id");
  }
  BOOST_REQUIRE(orgs.count("IOM") == 1 && orgs.count("UNHCR") == 1);
}

std::int64_t createProposal(Cast& cast, const std::string& title, std::int64_t amount_minor) {
  const auto r = cast.applicant.post("/api/v1/proposals",
                                     "{\"call_id\":" + std::to_string(cast.call_id) + "," +
                                         proposalContent(title, amount_minor, "es", cast.target_periods).substr(1));
  BOOST_REQUIRE_MESSAGE(r.status == 201, "creating a proposal answered " << shown(r));
  BOOST_REQUIRE_EQUAL(stateOf(r), "concept_draft");
  return idOf(r);
}

std::int64_t assignmentOf(Client& reviewer, std::int64_t proposal_id) {
  const auto items = itemsOf(read(reviewer, proposalPath(proposal_id) + "/assignments"));
  BOOST_REQUIRE_EQUAL(items->size(), 1u);  // a partner sees only its own organisation's
  return items->getObject(0)->getValue<std::int64_t>("id");
}

void reviewAs(Cast& cast, Client& reviewer, std::int64_t proposal_id,
              const std::vector<int>& scores) {
  BOOST_REQUIRE_EQUAL(scores.size(), cast.criteria.size());
  const auto path = assignmentPath(assignmentOf(reviewer, proposal_id));
  const auto accepted =
      fire(reviewer, path, {.name = "accept", .no_conflict_declared = true}, "in_progress");
  BOOST_TEST(!offers(accepted, "submit"));  // nothing scored yet
  std::string sheet = "{\"scores\":[";
  for (std::size_t i = 0; i < scores.size(); ++i) {
    sheet += (i ? "," : "") + std::string("{\"criterion_id\":") + std::to_string(cast.criteria[i]) +
             ",\"score\":" + std::to_string(scores[i]) +
             ",\"comment\":\"Argued in the proposal.\"}";
  }
  sheet += "],\"comment\":\"A strong, well-costed programme with the communities at its centre.\"}";
  const auto scored = putWithEtag(reviewer, path + "/scores", sheet, path);
  BOOST_REQUIRE_MESSAGE(scored.status == 200, "scoring answered " << shown(scored));
  BOOST_TEST(offers(scored, "submit"));
  fire(reviewer, path, {.name = "submit"}, "submitted");
}

std::int64_t proposalInReview(Cast& cast, std::int64_t amount_minor, const std::string& title) {
  const auto id = createProposal(cast, title, amount_minor);
  const auto path = proposalPath(id);
  fire(cast.applicant, path, {.name = "submit_concept"}, "concept_submitted");
  fire(cast.fm1, path, {.name = "invite", .reason = "Please send the full proposal."}, "draft");
  fire(cast.applicant, path, {.name = "submit"}, "submitted");
  fire(cast.fm1, path, {.name = "screen"}, "screening");
  const auto partner = std::to_string(cast.orgs.at("IOM"));
  const auto named = putWithEtag(cast.fm1, path + "/supporting-partner",
                                 "{\"partner_org_id\":" + partner + "}", path);
  BOOST_REQUIRE_MESSAGE(named.status == 200, "naming the partner answered " << shown(named));
  const auto assigned =
      cast.fm1.post(path + "/assignments", "{\"partner_org_id\":" + partner + "}");
  BOOST_REQUIRE_MESSAGE(assigned.status == 201, "assigning answered " << shown(assigned));
  // Written in Spanish: the fund reviews the English translation it attaches.
  const auto translated = cast.fm1.put(path + "/translation", kTranslation);
  BOOST_REQUIRE_MESSAGE(translated.status == 200, "translating answered " << shown(translated));
  fire(cast.fm1, path, {.name = "send_to_review"}, "in_review");
  reviewAs(cast, cast.iom, id, {4, 4, 4, 4, 4});
  fire(cast.fm1, path, {.name = "close_review"}, "reviewed");
  return id;
}

std::optional<std::int64_t> grantOf(Client& c, std::int64_t proposal_id) {
  const auto items = itemsOf(read(c, "/api/v1/grants?limit=200"));
  for (std::size_t i = 0; i < items->size(); ++i) {
    const auto g = items->getObject(static_cast<unsigned>(i));
    if (g->getValue<std::int64_t>("proposal_id") == proposal_id)
      return g->getValue<std::int64_t>("id");
  }
  return std::nullopt;
}

Poco::JSON::Array::Ptr tranchesOf(Client& c, std::int64_t grant_id) {
  return itemsOf(read(c, grantPath(grant_id) + "/tranches"));
}

void requestVerifyApprove(Cast& cast, std::int64_t tranche_id) {
  const auto path = tranchePath(tranche_id);
  fire(cast.applicant, path, {.name = "request"}, "requested");
  fire(cast.iom, path, {.name = "verify"}, "verified");
  fire(cast.fm1, path, {.name = "approve"}, "approved");
}

std::int64_t approvedTranche(Cast& cast, std::int64_t award_minor, const std::string& title) {
  const auto proposal = proposalInReview(cast, award_minor, title);
  fire(cast.fm1, proposalPath(proposal), {.name = "approve"}, "approved");
  const auto grant = grantOf(cast.fm1, proposal);
  BOOST_REQUIRE(grant.has_value());
  fire(cast.applicant, grantPath(*grant), {.name = "sign"}, "active");
  const auto tranche = tranchesOf(cast.fm1, *grant)->getObject(0)->getValue<std::int64_t>("id");
  requestVerifyApprove(cast, tranche);
  return tranche;
}

}  // namespace citygrants::webtest
