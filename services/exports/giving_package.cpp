#include "services/exports/giving_package.h"

#include <map>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "modules/core/money.h"
#include "modules/opendata/dac_sector.h"
#include "modules/opendata/org_id.h"
#include "services/exports/open_data_format.h"

namespace citygrants::exports {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;
using opendata::OpenGrant;

Object::Ptr obj() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

Object::Ptr organisation(const std::string& id, const std::string& name) {
  auto o = obj();
  o->set("id", id);
  o->set("name", name);
  return o;
}

Array::Ptr one(const Object::Ptr& o) {
  Array::Ptr a = new Array;
  a->add(o);
  return a;
}

Object::Ptr dates(std::int64_t start, std::optional<std::int64_t> end, std::optional<int> months) {
  auto d = obj();
  d->set("startDate", isoDateTime(start));
  if (end) d->set("endDate", isoDateTime(*end));
  if (months) d->set("duration", *months);
  return d;
}

Array::Ptr funders(const OpenGrant& g, const opendata::Publication& pub) {
  Array::Ptr out = new Array;
  out->add(organisation(pub.fund.ref, pub.fund.name));
  std::map<std::string, Object::Ptr> donors;  // one entry per donor, its chapters as department
  for (const auto& f : g.funding) {
    auto& d = donors[f.donor.ref];
    if (d.isNull()) {
      d = organisation(f.donor.ref, f.donor.name);
      d->set("department", f.chapter_name);
      out->add(d);
    } else {
      d->set("department", d->getValue<std::string>("department") + "; " + f.chapter_name);
    }
  }
  return out;
}

Object::Ptr grantJson(const OpenGrant& g, const opendata::Publication& pub) {
  const auto& text = g.texts.front();
  std::string description = text.description;
  for (const auto& t : g.texts) {
    if (t.language == "en") description = t.description;  // the English translation reads widest
  }
  auto j = obj();
  j->set("id", opendata::givingGrantId(pub.giving_prefix, g.reference));
  j->set("title", text.title);
  j->set("description", description);
  j->set("currency", g.currency);
  j->set("amountAppliedFor", majorUnits(g.requested_minor, g.currency));
  j->set("amountAwarded", majorUnits(g.amount_minor, g.currency));
  j->set("amountDisbursed", majorUnits(g.disbursedMinor(), g.currency));
  j->set("awardDate", isoDateTime(g.awarded_at));
  j->set("plannedDates", one(dates(g.plannedStart(), g.plannedEnd(), g.duration_months)));
  if (g.signed_at) j->set("actualDates", one(dates(*g.signed_at, g.ended_at, std::nullopt)));
  auto recipient = organisation(g.city.ref, g.city.name);
  if (!g.city.country.empty()) recipient->set("addressCountry", g.city.country);
  j->set("recipientOrganization", one(recipient));
  auto place = obj();
  place->set("name", g.city.name);
  if (!g.city.country.empty()) place->set("countryCode", g.city.country);
  j->set("beneficiaryLocation", one(place));
  j->set("fundingOrganization", funders(g, pub));
  auto programme = obj();
  programme->set("code", g.call_code);
  programme->set("title", g.call_title);
  j->set("grantProgramme", one(programme));
  Array::Ptr classes = new Array;
  for (const auto& code : g.sectors) {
    auto c = obj();
    c->set("vocabulary", "OECD DAC CRS purpose codes");
    c->set("code", code);
    for (const auto& s : opendata::dacSectors()) {
      if (s.code == code) c->set("title", std::string(s.name));
    }
    classes->add(c);
  }
  j->set("classifications", classes);
  Array::Ptr paid = new Array;
  for (const auto& t : g.tranches) {
    if (!t.disbursed_at) continue;
    auto p = obj();
    p->set("id", opendata::givingGrantId(pub.giving_prefix, t.reference));
    p->set("transactionDate", isoDateTime(*t.disbursed_at));
    p->set("currency", g.currency);
    p->set("value", majorUnits(t.amount_minor, g.currency));
    paid->add(p);
  }
  j->set("disbursementTransaction", paid);
  j->set("dateModified", isoDateTime(g.modified_at));
  return j;
}

}  // namespace

void writeGivingPackage(std::ostream& out, const opendata::Publication& pub) {
  auto package = obj();
  package->set("version", "1.4");
  package->set("title", pub.fund.name + ": grants");
  Array::Ptr grants = new Array;
  for (const auto& g : pub.grants) grants->add(grantJson(g, pub));
  package->set("grants", grants);
  package->stringify(out, 1);
  out << '\n';
}

}  // namespace citygrants::exports
