#include "services/usecases/open_data_service.h"

#include <algorithm>
#include <sstream>

#include "modules/access/access_rules.h"
#include "modules/core/problem.h"
#include "modules/opendata/dac_sector.h"
#include "modules/opendata/org_id.h"
#include "modules/results/framework.h"
#include "services/audit/audit_log.h"
#include "services/exports/giving_package.h"
#include "services/exports/iati_activities.h"
#include "services/stores/open_data_store.h"
#include "services/usecases/export_log.h"
#include "services/usecases/grant_service.h"
#include "services/usecases/results_service.h"

namespace citygrants::usecases {
namespace {

using core::Problem;
using core::ProblemKind;

PublisherView viewIn(db::Tx& tx) {
  return {stores::PublisherStore::load(tx), stores::PublisherStore::publishedGrants(tx)};
}

// The grant's results as the files state them: baseline, and per period its dates, target and
// verified actual (a report not yet accepted is not published).
std::vector<opendata::OpenIndicator> indicatorsOf(db::Tx& tx, const opendata::OpenGrant& g) {
  stores::Grant record;
  record.id = g.id;
  record.proposal_id = g.proposal_id;
  record.call_id = g.call_id;
  record.currency = g.currency;
  const auto view = grantResultsIn(tx, record);
  // The periods split the grant's duration evenly from the award, as its reports fall due.
  const auto length = g.duration_months * opendata::kMonthMs / std::max(view.periods, 1);
  std::vector<opendata::OpenIndicator> out;
  for (const auto& r : view.indicators) {
    opendata::OpenIndicator ind{r.indicator.code, r.indicator.names[0],
                                std::string(results::unitName(r.indicator.unit)), r.baseline, {}};
    for (const auto& p : r.periods) {
      const auto start = g.awarded_at + (p.period - 1) * length;
      ind.periods.push_back({p.period, start, start + length, p.target, p.actual});
    }
    out.push_back(std::move(ind));
  }
  return out;
}

}  // namespace

opendata::Publication publicationIn(db::Tx& tx, bool all, std::int64_t now) {
  const auto publisher = stores::PublisherStore::load(tx);
  opendata::Publication pub;
  pub.giving_prefix = publisher.giving_prefix;
  pub.iati_ref = publisher.iati_ref;
  pub.generated_at = now;
  const auto fund_id = publisher.fund_org_id.value_or(0);
  pub.fund = {fund_id, publisher.fund_name,
              publisher.fund_identifier.empty() ? publisher.iati_ref : publisher.fund_identifier,
              true, ""};
  pub.grants = stores::OpenDataStore::grants(tx, all, publisher.giving_prefix);
  for (auto& g : pub.grants) g.indicators = indicatorsOf(tx, g);
  return pub;
}

std::string writeOpenData(const opendata::Publication& pub, OpenFormat format) {
  std::ostringstream out;
  if (format == OpenFormat::kGiving360) {
    if (pub.giving_prefix.empty()) {
      throw Problem(ProblemKind::kConflict, "opendata.no_giving_prefix");
    }
    exports::writeGivingPackage(out, pub);
  } else {
    if (pub.iati_ref.empty()) {
      throw Problem(ProblemKind::kConflict, "opendata.no_iati_ref");
    }
    exports::writeIatiActivities(out, pub);
  }
  return out.str();
}

PublisherView OpenDataService::publisher(const Actor&) {
  auto tx = ctx_.db.read();
  auto out = viewIn(tx);
  tx.commit();
  return out;
}

PublisherView OpenDataService::setPublisher(const Actor& actor,
                                            std::optional<std::int64_t> expected_version,
                                            const std::string& giving_prefix,
                                            const std::string& iati_ref) {
  if (!access::may(actor, access::Action::kManageOrganisations)) {
    throw Problem::forbidden("forbidden.set_publisher");
  }
  std::vector<core::FieldError> errors;
  if (!giving_prefix.empty()) {
    if (auto p = opendata::givingPrefixProblem(giving_prefix)) errors.push_back({"giving_prefix", *p});
  }
  if (!iati_ref.empty()) {
    if (auto p = opendata::orgIdProblem(iati_ref)) errors.push_back({"iati_ref", *p});
  }
  if (!errors.empty()) throw Problem::invalid(errors);
  const auto now = ctx_.clock.nowMs();
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    auto p = stores::PublisherStore::load(tx);
    requireVersion(expected_version, p.version, "publisher");
    p.giving_prefix = giving_prefix;
    p.iati_ref = iati_ref;
    stores::PublisherStore::update(tx, p, now);
    audit::appendAudit(tx, {actor.user_id, "publisher", 1, "set_identifiers", "", "",
                            Detail().text("giving_prefix", giving_prefix).text("iati_ref", iati_ref).json(),
                            now});
    auto out = viewIn(tx);
    tx.commit();
    return out;
  });
}

WithActions<stores::Grant> OpenDataService::setPublication(
    const Actor& actor, std::int64_t grant_id, std::optional<std::int64_t> expected_version,
    bool publishable, const std::optional<std::string>& sector_code) {
  if (sector_code && !opendata::isDacSector(*sector_code)) {
    throw Problem::invalidField("sector_code", "opendata.sector_or_none");
  }
  const auto now = ctx_.clock.nowMs();
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    auto g = loadVisibleGrant(tx, actor, grant_id);
    if (!access::may(actor, access::Action::kPublishGrant)) {
      throw Problem::forbidden("forbidden.publish_grants");
    }
    requireVersion(expected_version, g.version, "grant");
    if (publishable && !g.publishable) g.published_at = now;
    g.publishable = publishable;
    g.sector_code = sector_code.value_or("");
    stores::GrantStore::update(tx, g, now);
    audit::appendAudit(tx, {actor.user_id, "grant", g.id, "set_publication", g.state, g.state,
                            Detail().flag("publishable", publishable).text("sector_code", sector_code).json(),
                            now});
    auto out = grantViewOf(tx, actor, *stores::GrantStore::load(tx, g.id));
    tx.commit();
    return out;
  });
}

OpenDataFile OpenDataService::file(const std::optional<Actor>& actor, OpenFormat format, bool all) {
  if (all) {
    if (!actor) throw Problem(ProblemKind::kUnauthenticated, "opendata.sign_in_to_export_all");
    if (!access::may(*actor, access::Action::kExportEverything)) {
      throw Problem::forbidden("forbidden.export_all_grants");
    }
  }
  const auto now = ctx_.clock.nowMs();
  auto make = [&](db::Tx& tx) {
    const auto pub = publicationIn(tx, all, now);
    OpenDataFile out{writeOpenData(pub, format), stores::PublisherStore::load(tx).updated_at,
                     static_cast<std::int64_t>(pub.grants.size())};
    for (const auto& g : pub.grants) out.last_modified = std::max(out.last_modified, g.modified_at);
    return out;
  };
  if (!all) {  // public data: read only, whoever asks
    auto tx = ctx_.db.read();
    auto out = make(tx);
    tx.commit();
    return out;
  }
  // Every grant: a user's export like the lists', audited and rate-limited with them.
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    auto out = make(tx);
    const char* what = format == OpenFormat::kGiving360 ? "360giving.json" : "iati.xml";
    ExportLog::record(tx, *actor, what, R"({"all": true})", out.grants, now);
    tx.commit();
    return out;
  });
}

}  // namespace citygrants::usecases
