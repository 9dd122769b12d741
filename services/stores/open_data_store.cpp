#include "services/stores/open_data_store.h"

#include <algorithm>
#include <map>
#include <optional>

#include "modules/opendata/dac_sector.h"
#include "modules/opendata/org_id.h"
#include "modules/results/allocation.h"
#include "services/db/optional_soci.h"
#include "services/stores/chapter_store.h"

namespace citygrants::stores {
namespace {

using opendata::OpenGrant;
using opendata::OpenOrg;

OpenOrg org(std::int64_t id, const std::string& name, const std::string& identifier,
            const std::string& country, const std::string& prefix) {
  return {id, name, opendata::openOrgId(identifier, prefix, id), !identifier.empty(), country};
}

// A row's columns, read into one place per column.
struct TermsRow {
  OpenGrant g;
  std::int64_t updated_at = 0;
  std::string sector, language, title, summary;
  std::optional<std::string> translation;
  std::int64_t city_id = 0, partner_id = 0;
  std::string city_name, city_identifier, city_country;
  std::string partner_name, partner_identifier, partner_country;
  std::optional<std::int64_t> ended_at, tranches_at, reports_at;
  int revisions = 0;
};

// The grants' terms, texts, call, city and partner: one statement.
std::vector<OpenGrant> terms(db::Tx& tx, int all, const std::string& prefix) {
  std::vector<OpenGrant> out;
  TermsRow r;
  auto& g = r.g;
  auto st = tx.prepared(
      "SELECT g.id, g.proposal_id, g.call_id, g.reference, g.state, g.currency, g.amount_minor, "
      "g.duration_months, g.created_at, g.signed_at, g.updated_at, g.sector_code, c.code, c.title, "
      "v.language, v.title, v.summary, v.translation_en, v.amount_minor, "
      "city.id, city.name, city.identifier, city.country, sp.id, sp.name, sp.identifier, sp.country, "
      "(SELECT MIN(a.at) FROM audit_events a WHERE a.entity = 'grant' AND a.entity_id = g.id "
      "AND a.event IN ('complete', 'terminate')), "
      "(SELECT MAX(t.updated_at) FROM tranches t WHERE t.grant_id = g.id), "
      "(SELECT MAX(rp.updated_at) FROM reports rp WHERE rp.grant_id = g.id), g.ends_at, "
      "(SELECT COUNT(*) FROM grant_terms gt WHERE gt.grant_id = g.id AND gt.number > 1) "
      "FROM grants g JOIN calls c ON c.id = g.call_id JOIN proposals p ON p.id = g.proposal_id "
      "JOIN proposal_versions v ON v.proposal_id = p.id AND v.number = p.current_version "
      "JOIN organisations city ON city.id = g.city_org_id "
      "JOIN organisations sp ON sp.id = g.supporting_org_id "
      "WHERE (:all = 1 OR g.publishable = 1) ORDER BY g.id");
  st.use(all);
  st.into(g.id).into(g.proposal_id).into(g.call_id).into(g.reference).into(g.state).into(g.currency);
  st.into(g.amount_minor).into(g.duration_months).into(g.awarded_at).into(g.signed_at);
  st.into(r.updated_at).into(r.sector).into(g.call_code).into(g.call_title);
  st.into(r.language).into(r.title).into(r.summary).into(r.translation).into(g.requested_minor);
  st.into(r.city_id).into(r.city_name).into(r.city_identifier).into(r.city_country);
  st.into(r.partner_id).into(r.partner_name).into(r.partner_identifier).into(r.partner_country);
  st.into(r.ended_at).into(r.tranches_at).into(r.reports_at).into(g.ends_at).into(r.revisions);
  for (bool row = st.execute(); row; row = st.fetch()) {
    OpenGrant out_g = g;
    out_g.revised = r.revisions > 0;
    out_g.sectors = opendata::sectorsOf(r.sector);
    out_g.texts = {{r.language, r.title, r.summary}};
    if (r.translation && !r.translation->empty() && r.language != "en") {
      out_g.texts.push_back({"en", "", *r.translation});
    }
    out_g.city = org(r.city_id, r.city_name, r.city_identifier, r.city_country, prefix);
    out_g.partner = org(r.partner_id, r.partner_name, r.partner_identifier, r.partner_country, prefix);
    out_g.ended_at = r.ended_at;
    out_g.modified_at = std::max({r.updated_at, r.tranches_at.value_or(0), r.reports_at.value_or(0)});
    out.push_back(std::move(out_g));
  }
  return out;
}

// Each grant's tranches in order, with when each is due to be paid.
void addTranches(db::Tx& tx, int all, std::map<std::int64_t, OpenGrant*>& by_id) {
  std::int64_t grant_id = 0;
  std::string trigger;
  std::optional<std::int64_t> due_at;
  opendata::OpenTranche t;
  auto st = tx.prepared(
      "SELECT t.grant_id, t.seq, t.reference, t.state, t.amount_minor, t.trigger_kind, "
      "t.disbursed_at, r.due_at FROM tranches t JOIN grants g ON g.id = t.grant_id "
      "LEFT JOIN reports r ON r.id = t.report_id WHERE (:all = 1 OR g.publishable = 1) "
      "ORDER BY t.grant_id, t.seq");
  st.use(all);
  st.into(grant_id).into(t.seq).into(t.reference).into(t.state).into(t.amount_minor).into(trigger);
  st.into(t.disbursed_at).into(due_at);
  for (bool row = st.execute(); row; row = st.fetch()) {
    auto* g = by_id.at(grant_id);
    t.planned_at = due_at.value_or(g->plannedStart());  // at signature unless a report releases it
    if (t.state != "disbursed") t.disbursed_at.reset();  // a cancelled tranche was never paid
    g->tranches.push_back(t);
  }
}

// Each grant's donors' chapters: the allocation, and what was paid from each (pro rata).
void addFunding(db::Tx& tx, const std::string& prefix, std::map<std::int64_t, OpenGrant*>& by_id) {
  std::map<std::int64_t, std::pair<std::string, OpenOrg>> chapters;  // id -> code, donor
  {
    std::int64_t id = 0, donor_id = 0;
    std::string code, donor_name, identifier, country;
    auto st = tx.prepared(
        "SELECT ch.id, ch.code, o.id, o.name, o.identifier, o.country FROM chapters ch "
        "JOIN organisations o ON o.id = ch.donor_org_id");
    st.into(id).into(code).into(donor_id).into(donor_name).into(identifier).into(country);
    for (bool row = st.execute(); row; row = st.fetch()) {
      chapters[id] = {code, org(donor_id, donor_name, identifier, country, prefix)};
    }
  }
  std::map<std::int64_t, std::vector<std::int64_t>> payments;
  for (const auto& d : ChapterStore::disbursements(tx, std::nullopt)) {
    payments[d.grant_id].push_back(d.amount_minor);
  }
  std::map<std::int64_t, std::vector<results::Allocation>> shares;
  for (const auto& a : ChapterStore::allocationRows(tx, std::nullopt)) {
    auto found = by_id.find(a.grant_id);
    if (found == by_id.end()) continue;
    const auto& [code, donor] = chapters.at(a.chapter_id);
    found->second->funding.push_back({code, a.chapter_name, donor, a.amount_minor, 0});
    shares[a.grant_id].push_back({a.chapter_id, a.amount_minor});
  }
  for (auto& [grant_id, allocations] : shares) {
    const auto paid = results::paidByChapter(payments[grant_id], allocations);
    auto& funding = by_id.at(grant_id)->funding;
    for (std::size_t i = 0; i < paid.size(); ++i) funding[i].disbursed_minor = paid[i];
  }
}

}  // namespace

std::vector<OpenGrant> OpenDataStore::grants(db::Tx& tx, bool all, const std::string& prefix) {
  const int every = all ? 1 : 0;
  auto out = terms(tx, every, prefix);
  std::map<std::int64_t, OpenGrant*> by_id;
  for (auto& g : out) by_id[g.id] = &g;
  addTranches(tx, every, by_id);
  addFunding(tx, prefix, by_id);
  return out;
}

}  // namespace citygrants::stores
