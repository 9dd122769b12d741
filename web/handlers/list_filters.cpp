#include "web/handlers/list_filters.h"

#include <algorithm>
#include <span>

#include "modules/core/iso_instant.h"
#include "modules/core/reference.h"
#include "modules/workflow/grant_flow.h"
#include "modules/workflow/report_flow.h"
#include "modules/workflow/review_flow.h"
#include "modules/workflow/tranche_flow.h"
#include "services/usecases/use_case.h"
#include "web/handlers/state_filter.h"

namespace citygrants::handlers {
namespace {

using http::HttpError;

constexpr std::string_view kProposalSorts[] = {"id", "-id", "updated_at", "-updated_at"};

// The filter parameters of each list, in exports::ListKind order.
const std::vector<std::string> kFilterNames[] = {
    {"state", "call", "city", "partner", "sort"},
    {"state"},
    {"state", "call"},
    {"state", "grant"},
    {"grant", "state", "kind", "call", "city"},
    {"entity", "entity_id", "actor_id", "event", "reference", "from", "to"},
};

// A name of the chain's vocabulary (an entity, an event): lower-case letters, digits and
// underscores, 1 to 64 of them; `name` is the parameter's.
std::optional<std::string> vocabularyWord(const http::ApiRequest& req, const std::string& name,
                                          const char* example) {
  auto word = req.queryText(name);
  if (!word) return word;
  const bool ok =
      !word->empty() && word->size() <= 64 && std::all_of(word->begin(), word->end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      });
  if (!ok) {
    throw HttpError(400, "bad-query", {"query.bad", {{"name", name}}},
                    {{name, {"query.vocabulary_word", {{"example", example}}}}});
  }
  return word;
}

// An ISO 8601 day or instant with a zone, as epoch ms (core::parseIsoInstant).
std::optional<std::int64_t> instant(const http::ApiRequest& req, const std::string& name) {
  const auto text = req.queryText(name);
  if (!text) return std::nullopt;
  auto ms = core::parseIsoInstant(*text);
  if (!ms) {
    throw HttpError(400, "bad-query", {"query.bad", {{"name", name}}},
                    {{name, "query.instant"}});
  }
  return ms;
}

std::optional<audit::ReferenceFilter> referenceFilter(const http::ApiRequest& req) {
  const auto text = req.queryText("reference");
  if (!text) return std::nullopt;
  auto parsed = core::parseRecordReference(*text);
  if (!parsed) {
    throw HttpError(400, "bad-query", {"query.bad", {{"name", "reference"}}},
                    {{"reference", "query.record_reference"}});
  }
  return audit::ReferenceFilter{*text, std::move(*parsed)};
}

}  // namespace

stores::ProposalQuery proposalFilters(const http::ApiRequest& req) {
  stores::ProposalQuery q;
  q.state = req.queryText("state");
  q.call_id = req.queryInt("call", 1, INT64_MAX);
  q.city_org_id = req.queryInt("city", 1, INT64_MAX);
  q.partner_org_id = req.queryInt("partner", 1, INT64_MAX);
  q.sort = req.queryText("sort").value_or("id");
  if (std::find(std::begin(kProposalSorts), std::end(kProposalSorts), q.sort) ==
      std::end(kProposalSorts)) {
    throw HttpError(400, "bad-query", {"query.bad", {{"name", "sort"}}},
                    {{"sort", {"query.one_of", {{"values", "id, -id, updated_at, -updated_at"}}}}});
  }
  return q;
}

stores::AssignmentQuery assignmentFilters(const http::ApiRequest& req) {
  stores::AssignmentQuery q;
  q.state = req.queryText("state");
  if (q.state && std::find(std::begin(workflow::kReviewStates), std::end(workflow::kReviewStates),
                           *q.state) == std::end(workflow::kReviewStates)) {
    throw HttpError(400, "bad-query", {"query.bad", {{"name", "state"}}},
                    {{"state",
                      {"query.one_of",
                       {{"values", "assigned, in_progress, submitted, declined, cancelled"}}}}});
  }
  return q;
}

stores::GrantQuery grantFilters(const http::ApiRequest& req) {
  stores::GrantQuery q;
  q.states = stateFilter(req, workflow::kGrantStates, "grant");
  q.call_id = req.queryInt("call", 1, INT64_MAX);
  return q;
}

stores::TrancheQuery trancheFilters(const http::ApiRequest& req) {
  stores::TrancheQuery q;
  q.states = stateFilter(req, workflow::kTrancheStates, "tranche");
  q.grant_id = req.queryInt("grant", 1, INT64_MAX);
  return q;
}

stores::ReportQuery reportFilters(const http::ApiRequest& req) {
  stores::ReportQuery q;
  q.grant_id = req.queryInt("grant", 1, INT64_MAX);
  q.states = stateFilter(req, workflow::kReportStates, "report");
  q.kinds = choiceFilter(req, "kind", stores::kReportKinds, "report kinds");
  q.call_id = req.queryInt("call", 1, INT64_MAX);
  q.city_org_id = req.queryInt("city", 1, INT64_MAX);
  return q;
}

audit::AuditFilter auditFilters(const http::ApiRequest& req) {
  audit::AuditFilter f;
  f.entity = vocabularyWord(req, "entity", "tranche");
  f.entity_id = req.queryInt("entity_id", 1, INT64_MAX);
  f.actor_id = req.queryInt("actor_id", 1, INT64_MAX);
  f.event = vocabularyWord(req, "event", "approve");
  f.reference = referenceFilter(req);
  f.from = instant(req, "from");
  f.to = instant(req, "to");
  return f;
}

std::string givenFilters(const http::ApiRequest& req, exports::ListKind list) {
  usecases::Detail out;
  for (const auto& name : kFilterNames[static_cast<int>(list)]) out.text(name, req.queryText(name));
  return out.json();
}

}  // namespace citygrants::handlers
