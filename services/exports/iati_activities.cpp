#include "services/exports/iati_activities.h"

#include <algorithm>

#include "modules/opendata/iati_codes.h"
#include "modules/opendata/org_id.h"
#include "services/exports/open_data_format.h"
#include "services/exports/xml_out.h"

namespace citygrants::exports {
namespace {

namespace iati = opendata::iati;
using opendata::OpenGrant;
using opendata::OpenOrg;

// The fund's own organisation type for reporting-org: an international NGO (OrganisationType 21),
// as the GCF's secretariat is.
constexpr std::string_view kFundType = "21";

void narrative(XmlOut& x, const std::string& text, const std::string& lang = "en") {
  x.leaf("narrative", {{"xml:lang", lang}}, text);
}

void org(XmlOut& x, const char* element, const OpenOrg& o, XmlOut::Attributes attrs) {
  if (o.registered) attrs.insert(attrs.begin(), {"ref", o.ref});
  x.open(element, attrs);
  narrative(x, o.name);
  x.close();
}

void value(XmlOut& x, std::int64_t minor, const std::string& currency, std::int64_t date) {
  x.leaf("value", {{"currency", currency}, {"value-date", isoDate(date)}}, decimalText(minor, currency));
}

void dated(XmlOut& x, const char* element, std::int64_t at) {
  x.leaf(element, {{"iso-date", isoDate(at)}});
}

// Budgets per year of the grant (IATI wants no budget period past a year): each tranche counts in
// the year it is planned, those planned after the end in the last year; they add up to the grant's
// amount. Once an amendment changed its terms, they are the revised budget (type 2).
void budgets(XmlOut& x, const OpenGrant& g) {
  const auto start = g.plannedStart();
  const auto end = std::max(g.plannedEnd(), start + opendata::kDayMs);
  constexpr std::int64_t kYearMs = 365 * opendata::kDayMs;
  for (std::int64_t from = start; from < end; from += kYearMs) {
    const auto to = std::min(from + kYearMs, end);
    const bool last = to == end;
    std::int64_t sum = 0;
    for (const auto& t : g.tranches) {
      const bool before_start = t.planned_at < start && from == start;
      if ((t.planned_at >= from && t.planned_at < to) || before_start || (last && t.planned_at >= to)) {
        sum += t.amount_minor;
      }
    }
    const auto type = g.revised ? iati::kBudgetRevised : iati::kBudgetOriginal;
    x.open("budget", {{"type", std::string(type)}, {"status", std::string(iati::kBudgetCommitted)}});
    dated(x, "period-start", from);
    dated(x, "period-end", to - opendata::kDayMs);
    value(x, sum, g.currency, from);
    x.close();
  }
}

void transactions(XmlOut& x, const OpenGrant& g, const opendata::Publication& pub) {
  auto one = [&](std::string_view type, std::int64_t minor, std::int64_t at, const std::string& ref) {
    x.open("transaction", {{"ref", ref}});
    x.leaf("transaction-type", {{"code", std::string(type)}});
    dated(x, "transaction-date", at);
    value(x, minor, g.currency, at);
    org(x, "provider-org", pub.fund, {});
    org(x, "receiver-org", g.city, {});
    x.close();
  };
  if (g.signed_at) one(iati::kOutgoingCommitment, g.amount_minor, *g.signed_at, g.reference);
  for (const auto& t : g.tranches) {
    if (t.disbursed_at) one(iati::kDisbursement, t.amount_minor, *t.disbursed_at, t.reference);
  }
}

std::string measureValue(const opendata::OpenIndicator& ind, std::int64_t v, const OpenGrant& g) {
  return ind.unit == "currency" ? decimalText(v, g.currency) : std::to_string(v);
}

// A measure as IATI writes it: the total, then one element per breakdown cell with its dimension.
void measure(XmlOut& x, const char* element, const opendata::OpenIndicator& ind,
             const results::Measure& m, const OpenGrant& g) {
  x.leaf(element, {{"value", measureValue(ind, m.total, g)}});
  for (const auto& c : m.cells) {
    x.open(element, {{"value", measureValue(ind, c.amount, g)}});
    x.leaf("dimension", {{"name", c.dimension}, {"value", c.value}});
    x.close();
  }
}

void results(XmlOut& x, const OpenGrant& g) {
  for (const auto& ind : g.indicators) {
    x.open("result", {{"type", std::string(iati::kResultOutput)}});
    x.open("title");
    narrative(x, ind.name);
    x.close();
    x.open("indicator", {{"measure", std::string(iati::indicatorMeasure(ind.unit))}, {"ascending", "1"}});
    x.open("title");
    narrative(x, ind.name);
    x.close();
    x.leaf("baseline", {{"year", std::to_string(civilTime(g.awarded_at).year)},
                        {"iso-date", isoDate(g.awarded_at)},
                        {"value", measureValue(ind, ind.baseline, g)}});
    for (const auto& p : ind.periods) {
      if (!p.target && !p.actual) continue;
      x.open("period");
      dated(x, "period-start", p.start);
      dated(x, "period-end", p.end);
      if (p.target) measure(x, "target", ind, *p.target, g);
      if (p.actual) measure(x, "actual", ind, *p.actual, g);
      x.close();
    }
    x.close();  // indicator
    x.close();  // result
  }
}

void activity(XmlOut& x, const OpenGrant& g, const opendata::Publication& pub) {
  x.open("iati-activity", {{"last-updated-datetime", isoDateTime(g.modified_at)},
                           {"xml:lang", g.texts.front().language},
                           {"default-currency", g.currency}});
  x.leaf("iati-identifier", {}, opendata::iatiIdentifier(pub.iati_ref, g.reference));
  // The reporting org is named by the fund's IATI ref, whatever identifier it has elsewhere.
  org(x, "reporting-org", {pub.fund.id, pub.fund.name, pub.iati_ref, true, ""},
      {{"type", std::string(kFundType)}});
  x.open("title");
  for (const auto& t : g.texts) {
    if (!t.title.empty()) narrative(x, t.title, t.language);
  }
  x.close();
  x.open("description", {{"type", std::string(iati::kDescriptionGeneral)}});
  for (const auto& t : g.texts) narrative(x, t.description, t.language);
  x.close();
  std::vector<std::string> donors;  // each donor once, however many of its chapters pay
  for (const auto& f : g.funding) {
    if (std::find(donors.begin(), donors.end(), f.donor.ref) != donors.end()) continue;
    donors.push_back(f.donor.ref);
    org(x, "participating-org", f.donor, {{"role", std::string(iati::kRoleFunding)}});
  }
  org(x, "participating-org", pub.fund, {{"role", std::string(iati::kRoleExtending)}});
  org(x, "participating-org", g.city, {{"role", std::string(iati::kRoleImplementing)},
                                       {"type", std::string(iati::kTypeLocalGovernment)}});
  x.leaf("activity-status", {{"code", std::string(iati::activityStatus(g.state))}});
  auto date = [&](std::string_view type, std::int64_t at) {
    x.leaf("activity-date", {{"type", std::string(type)}, {"iso-date", isoDate(at)}});
  };
  date(iati::kPlannedStart, g.plannedStart());
  if (g.signed_at) date(iati::kActualStart, *g.signed_at);
  date(iati::kPlannedEnd, g.plannedEnd());
  if (g.ended_at) date(iati::kActualEnd, *g.ended_at);
  if (!g.city.country.empty()) x.leaf("recipient-country", {{"code", g.city.country}, {"percentage", "100"}});
  // The sectors share the activity evenly; the remainder of 100 % goes to the fund's default.
  const auto n = static_cast<int>(g.sectors.size());
  for (int i = 0; i < n; ++i) {
    const int share = 100 / n + (i == 0 ? 100 % n : 0);
    x.leaf("sector", {{"vocabulary", std::string(iati::kSectorVocabularyDac)},
                      {"code", g.sectors[static_cast<std::size_t>(i)]},
                      {"percentage", std::to_string(share)}});
  }
  x.leaf("default-finance-type", {{"code", std::string(iati::kFinanceStandardGrant)}});
  x.leaf("default-aid-type", {{"code", std::string(iati::kAidProject)}});
  budgets(x, g);
  for (const auto& t : g.tranches) {
    if (t.state == "cancelled") continue;  // never to be paid
    x.open("planned-disbursement", {{"type", std::string(iati::kBudgetOriginal)}});
    dated(x, "period-start", t.planned_at);
    dated(x, "period-end", t.planned_at);
    value(x, t.amount_minor, g.currency, t.planned_at);
    org(x, "provider-org", pub.fund, {});
    org(x, "receiver-org", g.city, {});
    x.close();
  }
  transactions(x, g, pub);
  results(x, g);
  x.close();
}

}  // namespace

void writeIatiActivities(std::ostream& out, const opendata::Publication& pub) {
  XmlOut x(out);
  x.open("iati-activities", {{"version", std::string(opendata::iati::kVersion)},
                             {"generated-datetime", isoDateTime(pub.generated_at)}});
  for (const auto& g : pub.grants) activity(x, g, pub);
  x.close();
  x.finish();
}

}  // namespace citygrants::exports
