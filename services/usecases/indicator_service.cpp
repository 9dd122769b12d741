#include "services/usecases/indicator_service.h"

#include "modules/access/access_rules.h"
#include "modules/core/problem.h"
#include "modules/core/text.h"
#include "services/audit/audit_log.h"
#include "services/stores/indicator_store.h"

namespace citygrants::usecases {
namespace {

using core::Problem;

void requireManager(const std::optional<Actor>& actor) {
  if (actor && !access::may(*actor, access::Action::kManageIndicators)) {
    throw Problem::forbidden("forbidden.manage_indicators");
  }
}

std::vector<core::FieldError> textErrors(const results::Indicator& i) {
  std::vector<core::FieldError> e;
  for (std::size_t l = 0; l < results::kIndicatorLanguages.size(); ++l) {
    const std::string lang(results::kIndicatorLanguages[l]);
    if (!core::utf8Length(i.names[l])) e.push_back({"names." + lang, "field.not_utf8"});
    if (core::isBlank(i.names[l])) e.push_back({"names." + lang, "field.required"});
    if (!core::utf8Length(i.definitions[l])) e.push_back({"definitions." + lang, "field.not_utf8"});
  }
  return e;
}

}  // namespace

std::vector<results::Indicator> IndicatorService::list(const Actor&) {
  auto tx = ctx_.db.read();
  auto out = stores::IndicatorStore::all(tx);
  tx.commit();
  return out;
}

results::Indicator IndicatorService::get(const Actor&, std::int64_t id) {
  auto tx = ctx_.db.read();
  auto found = stores::IndicatorStore::load(tx, id);
  if (!found) throw Problem::notFound("indicator");
  tx.commit();
  return *found;
}

results::Indicator IndicatorService::add(const std::optional<Actor>& actor,
                                         const results::Indicator& indicator) {
  requireManager(actor);
  auto errors = results::validateIndicator(indicator);
  auto text = textErrors(indicator);
  errors.insert(errors.end(), text.begin(), text.end());
  const auto now = ctx_.clock.nowMs();
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    if (stores::IndicatorStore::findByCode(tx, indicator.code)) {
      errors.push_back({"code", "results.indicator_code_taken"});
    }
    if (!errors.empty()) throw Problem::invalid(errors);
    const auto id = stores::IndicatorStore::insert(tx, indicator, now);
    std::optional<std::int64_t> by;
    if (actor) by = actor->user_id;
    audit::appendAudit(tx, {by, "indicator", id, "create", "", "",
                            Detail().text("code", indicator.code).json(), now});
    auto out = *stores::IndicatorStore::load(tx, id);
    tx.commit();
    return out;
  });
}

results::Indicator IndicatorService::edit(const Actor& actor, std::int64_t id,
                                          std::optional<std::int64_t> expected_version,
                                          const results::Indicator& edited) {
  requireManager(actor);
  const auto now = ctx_.clock.nowMs();
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    auto i = stores::IndicatorStore::load(tx, id);
    if (!i) throw Problem::notFound("indicator");
    requireVersion(expected_version, i->version, "indicator");
    i->names = edited.names;
    i->definitions = edited.definitions;
    i->active = edited.active;
    auto errors = results::validateIndicator(*i);
    auto text = textErrors(*i);
    errors.insert(errors.end(), text.begin(), text.end());
    if (!errors.empty()) throw Problem::invalid(errors);
    stores::IndicatorStore::update(tx, *i, now);
    audit::appendAudit(tx, {actor.user_id, "indicator", id, "edit", "", "",
                            Detail().flag("active", i->active).json(), now});
    auto out = *stores::IndicatorStore::load(tx, id);
    tx.commit();
    return out;
  });
}

}  // namespace citygrants::usecases
