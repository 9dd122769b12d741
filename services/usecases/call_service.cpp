#include "services/usecases/call_service.h"

#include <algorithm>
#include <regex>
#include <set>

#include "modules/core/money.h"
#include "modules/core/problem.h"
#include "modules/core/text.h"
#include "modules/workflow/call_flow.h"
#include "services/audit/audit_log.h"
#include "services/stores/chapter_store.h"
#include "services/stores/indicator_store.h"
#include "services/stores/search_store.h"
#include "services/usecases/transition.h"

namespace citygrants::usecases {
namespace {

using core::FieldError;
using core::Problem;

std::vector<FieldError> validateCall(const stores::Call& c, std::int64_t now) {
  std::vector<FieldError> e;
  if (!std::regex_match(c.code, std::regex("[A-Z0-9][A-Z0-9-]{2,31}"))) {
    e.push_back({"code", "3 to 32 capital letters, digits or dashes"});
  }
  auto title_len = core::utf8Length(c.title);
  if (!title_len || core::isBlank(c.title) || *title_len > 200) {
    e.push_back({"title", "is required, valid UTF-8, at most 200 characters"});
  }
  if (auto n = core::utf8Length(c.description); !n || *n > 20'000) {
    e.push_back({"description", "valid UTF-8, at most 20,000 characters"});
  }
  if (!core::findCurrency(c.currency)) e.push_back({"currency", "unknown ISO 4217 code"});
  if (c.budget_minor <= 0) e.push_back({"budget_minor", "must be positive"});
  if (c.min_award_minor <= 0) e.push_back({"min_award_minor", "must be positive"});
  if (c.max_award_minor < c.min_award_minor) {
    e.push_back({"max_award_minor", "must be at least the minimum award"});
  }
  if (c.max_award_minor > c.budget_minor) {
    e.push_back({"max_award_minor", "must not exceed the budget"});
  }
  if (c.threshold_minor < 0) e.push_back({"threshold_minor", "must not be negative"});
  if (c.max_duration_months < 1 || c.max_duration_months > 60) {
    e.push_back({"max_duration_months", "from 1 to 60 months"});
  }
  if (c.closes_at <= now) e.push_back({"closes_at", "must be in the future"});
  std::set<std::string> codes;
  int weights = 0;
  for (std::size_t i = 0; i < c.criteria.size(); ++i) {
    const auto& cr = c.criteria[i];
    const std::string at = "criteria[" + std::to_string(i) + "]";
    if (!std::regex_match(cr.code, std::regex("[a-z][a-z0-9_]{1,39}"))) {
      e.push_back({at + ".code", "2 to 40 lower-case letters, digits or underscores"});
    } else if (!codes.insert(cr.code).second) {
      e.push_back({at + ".code", "used twice"});
    }
    if (auto n = core::utf8Length(cr.name); !n || core::isBlank(cr.name) || *n > 200) {
      e.push_back({at + ".name", "1 to 200 characters"});
    }
    if (cr.weight <= 0 || cr.weight > 100) e.push_back({at + ".weight", "from 1 to 100"});
    weights += cr.weight;
  }
  if (!c.criteria.empty() && weights != 100)
    e.push_back({"criteria", "weights must add up to 100"});
  int shares = 0;
  for (std::size_t i = 0; i < c.plan.size(); ++i) {
    const auto& item = c.plan[i];
    const std::string at = "tranche_plan[" + std::to_string(i) + "]";
    if (item.share_bp <= 0 || item.share_bp > 10'000)
      e.push_back({at + ".share_bp", "from 1 to 10000"});
    if (item.trigger != "signature" && item.trigger != "progress_report" &&
        item.trigger != "final_report") {
      e.push_back({at + ".trigger", "signature, progress_report or final_report"});
    }
    shares += item.share_bp;
  }
  if (!c.plan.empty() && shares != 10'000)
    e.push_back({"tranche_plan", "shares must add up to 100%"});
  return e;
}

std::vector<FieldError> indicatorErrors(db::Tx& tx, const std::vector<stores::CallIndicator>& chosen) {
  std::vector<FieldError> e;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    const std::string at = "indicators[" + std::to_string(i) + "].code";
    const auto found = stores::IndicatorStore::findByCode(tx, chosen[i].code);
    if (!found || !found->active) {
      e.push_back({at, "no active indicator '" + chosen[i].code + "' in the catalog"});
    } else if (!seen.insert(chosen[i].code).second) {
      e.push_back({at, "chosen twice"});
    }
  }
  return e;
}

std::vector<FieldError> chapterErrors(db::Tx& tx, const std::string& currency,
                                      const std::vector<std::int64_t>& chapters) {
  std::vector<FieldError> e;
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < chapters.size(); ++i) {
    const std::string at = "chapters[" + std::to_string(i) + "]";
    const auto found = stores::ChapterStore::load(tx, chapters[i]);
    if (!found) {
      e.push_back({at, "no chapter " + std::to_string(chapters[i])});
    } else if (found->currency != currency) {
      e.push_back({at, "the chapter is in " + found->currency + ", the call in " + currency});
    } else if (!seen.insert(chapters[i]).second) {
      e.push_back({at, "chosen twice"});
    }
  }
  return e;
}

// Loads a call the actor may change the framework or funding of; throws otherwise.
stores::Call loadForSetUp(db::Tx& tx, const Actor& actor, std::int64_t call_id,
                          std::optional<std::int64_t> expected_version) {
  if (!access::may(actor, access::Action::kSetUpCall)) {
    throw Problem::forbidden("only admins and fund managers set up calls");
  }
  auto call = stores::CallStore::load(tx, call_id);
  if (!call) throw Problem::notFound("call");
  requireVersion(expected_version, call->version, "call");
  if (call->state == "archived") {
    throw Problem(core::ProblemKind::kInvalidTransition, "an archived call does not change");
  }
  return *call;
}

workflow::CallFacts factsOf(const stores::Call& c, std::int64_t now) {
  workflow::CallFacts f;
  f.ready_to_open = review::weightsComplete(c.criteria) && !c.plan.empty() && c.budget_minor > 0 &&
                    c.max_award_minor >= c.min_award_minor && c.min_award_minor > 0;
  f.closes_in_future = c.closes_at > now;
  return f;
}

CallView viewOf(const Actor& actor, const stores::Call& c, std::int64_t now) {
  return {c,
          toStrings(workflow::allowedEvents(workflow::kCallFlow, c.state, actor, factsOf(c, now)))};
}

// The call machine for fireTransition (transition.h).
struct CallFlow {
  using Types = workflow::CallTypes;
  using View = CallView;
  using Loaded = stores::Call;
  using Row = workflow::Transition<Types>;
  static constexpr std::string_view kEntity = "call";
  static const auto& machine() { return workflow::kCallFlow; }

  Loaded load(db::Tx& tx, const Actor&, std::int64_t id) {
    auto call = stores::CallStore::load(tx, id);
    if (!call) throw Problem::notFound("call");
    return *call;
  }
  stores::Call& record(Loaded& c) { return c; }
  std::string& state(Loaded& c) { return c.state; }
  std::int64_t version(const Loaded& c) { return c.version; }
  workflow::CallFacts facts(db::Tx&, const Loaded& c, const TransitionRequest&, std::int64_t now) {
    return factsOf(c, now);
  }
  void save(db::Tx& tx, const Actor&, Loaded& c, const Row&, const TransitionRequest&,
            std::int64_t now) {
    stores::CallStore::update(tx, c, now);
  }
  View view(db::Tx& tx, const Actor& actor, Loaded& c, std::int64_t now) {
    return viewOf(actor, *stores::CallStore::load(tx, c.id), now);
  }
};

}  // namespace

proposals::CallTerms termsOf(const stores::Call& call) {
  return {call.min_award_minor, call.max_award_minor, call.max_duration_months};
}

CallView CallService::create(const Actor& actor, stores::Call call) {
  if (!access::may(actor, access::Action::kSetUpCall)) {
    throw Problem::forbidden("only admins and fund managers set up calls");
  }
  const auto now = ctx_.clock.nowMs();
  if (auto errors = validateCall(call, now); !errors.empty()) throw Problem::invalid(errors);
  for (std::size_t i = 0; i < call.plan.size(); ++i) call.plan[i].seq = static_cast<int>(i) + 1;
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    auto errors = indicatorErrors(tx, call.indicators);
    auto chapters = chapterErrors(tx, call.currency, call.chapters);
    errors.insert(errors.end(), chapters.begin(), chapters.end());
    if (stores::CallStore::codeTaken(tx, call.code)) {
      errors.push_back({"code", "a call with this code exists"});
    }
    if (!errors.empty()) throw Problem::invalid(errors);
    call.state = "draft";
    call.created_by = actor.user_id;
    call.id = stores::CallStore::insert(tx, call, now);
    stores::SearchIndex::reindex(tx, stores::SearchIndex::Kind::kCall, call.id);
    audit::appendAudit(tx, {actor.user_id, "call", call.id, "create", "", "draft",
                            Detail().text("code", call.code).json(), now});
    auto out = viewOf(actor, *stores::CallStore::load(tx, call.id), now);
    tx.commit();
    return out;
  });
}

CallView CallService::chooseIndicators(const Actor& actor, std::int64_t call_id,
                                       std::optional<std::int64_t> expected_version,
                                       const std::vector<stores::CallIndicator>& indicators) {
  const auto now = ctx_.clock.nowMs();
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    auto call = loadForSetUp(tx, actor, call_id, expected_version);
    if (auto errors = indicatorErrors(tx, indicators); !errors.empty()) throw Problem::invalid(errors);
    for (const auto& old : call.indicators) {
      const bool kept = std::any_of(indicators.begin(), indicators.end(),
                                    [&](const auto& i) { return i.code == old.code; });
      if (!kept && stores::IndicatorStore::usedInCall(tx, call_id, old.code)) {
        throw Problem(core::ProblemKind::kConflict,
                      "'" + old.code + "' has targets or results in this call and stays chosen");
      }
    }
    stores::IndicatorStore::replaceForCall(tx, call_id, indicators);
    stores::CallStore::update(tx, call, now);
    audit::appendAudit(tx, {actor.user_id, "call", call_id, "choose_indicators", call.state,
                            call.state,
                            Detail().number("indicators", static_cast<std::int64_t>(indicators.size())).json(),
                            now});
    auto out = viewOf(actor, *stores::CallStore::load(tx, call_id), now);
    tx.commit();
    return out;
  });
}

CallView CallService::chooseChapters(const Actor& actor, std::int64_t call_id,
                                     std::optional<std::int64_t> expected_version,
                                     const std::vector<std::int64_t>& chapters) {
  const auto now = ctx_.clock.nowMs();
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    auto call = loadForSetUp(tx, actor, call_id, expected_version);
    if (auto errors = chapterErrors(tx, call.currency, chapters); !errors.empty()) {
      throw Problem::invalid(errors);
    }
    for (const auto& room : stores::ChapterStore::roomsForCall(tx, call_id, 0)) {
      const bool kept = std::find(chapters.begin(), chapters.end(), room.chapter_id) != chapters.end();
      if (!kept && stores::ChapterStore::holdsGrantsOfCall(tx, room.chapter_id, call_id)) {
        throw Problem(core::ProblemKind::kConflict,
                      "chapter " + std::to_string(room.chapter_id) +
                          " pays grants of this call and stays among its funders");
      }
    }
    stores::ChapterStore::replaceForCall(tx, call_id, chapters);
    stores::CallStore::update(tx, call, now);
    audit::appendAudit(tx, {actor.user_id, "call", call_id, "choose_chapters", call.state,
                            call.state,
                            Detail().number("chapters", static_cast<std::int64_t>(chapters.size())).json(),
                            now});
    auto out = viewOf(actor, *stores::CallStore::load(tx, call_id), now);
    tx.commit();
    return out;
  });
}

CallView CallService::fire(const Actor& actor, std::int64_t call_id, const TransitionRequest& req) {
  CallFlow flow;
  return runTransition(ctx_, flow, actor, call_id, req);
}

CallView CallService::get(const Actor& actor, std::int64_t call_id) {
  const auto now = ctx_.clock.nowMs();
  auto tx = ctx_.db.read();
  auto call = stores::CallStore::load(tx, call_id);
  if (!call) throw Problem::notFound("call");
  tx.commit();
  return viewOf(actor, *call, now);
}

std::vector<CallView> CallService::list(const Actor& actor) {
  const auto now = ctx_.clock.nowMs();
  auto tx = ctx_.db.read();
  std::vector<CallView> out;
  for (auto id : stores::CallStore::listIds(tx)) {
    out.push_back(viewOf(actor, *stores::CallStore::load(tx, id), now));
  }
  tx.commit();
  return out;
}

std::vector<std::string> CallService::actions(const Actor& actor, const stores::Call& call) {
  return toStrings(workflow::allowedEvents(workflow::kCallFlow, call.state, actor,
                                           factsOf(call, ctx_.clock.nowMs())));
}

}  // namespace citygrants::usecases
