#include "services/mail/reminder_mail.h"

#include <set>
#include <string>
#include <vector>

#include "services/mail/catalog.h"
#include "services/mail/render.h"

namespace citygrants::mail {
namespace {

using access::Role;
using clock::Audience;
using stores::Recipient;

std::vector<Recipient> audienceOf(Audience audience, const stores::ReminderFact& f,
                                  const stores::ReminderPeople& people) {
  std::vector<Recipient> out;
  auto add = [&](const std::vector<Recipient>& some) {
    out.insert(out.end(), some.begin(), some.end());
  };
  switch (audience) {
    case Audience::kCity:
      add(people.of(Role::kApplicant, f.city_org_id));
      break;
    case Audience::kCityAndPartner:
      add(people.of(Role::kApplicant, f.city_org_id));
      add(people.of(Role::kPartner, f.partner_org_id));
      break;
    case Audience::kReviewers:
      add(people.of(Role::kPartner, f.partner_org_id));
      break;
    case Audience::kOtherFundManagers:
      for (const auto& r : people.fund_managers) {
        if (r.user_id != f.proposer_id) out.push_back(r);
      }
      break;
  }
  return out;
}

// Every placeholder any reminder template uses, in `language`; each template uses some.
Params paramsIn(const std::string& language, const stores::ReminderFact& f) {
  const auto date = formatDate(f.fact.anchor_ms, language);
  Params p{
      {"reference", f.reference},
      {"grant", f.reference},
      {"call", f.reference},
      {"title", f.title},
      {"city", f.city_name},
      {"due_date", date},
      {"since_date", date},
      {"closes_date", date},
      {"amount", formatMoney(f.amount_minor, f.currency.empty() ? "USD" : f.currency, language)},
      {"link", consoleLink(f.link)}};
  if (!f.report_kind.empty()) p["report"] = std::string(text(language, "report." + f.report_kind));
  return p;
}

}  // namespace

int mailReminder(db::Tx& tx, const clock::Window& window, const stores::ReminderFact& f,
                 const stores::ReminderPeople& people, std::int64_t now) {
  std::set<std::int64_t> seen;
  int written = 0;
  for (const auto& r : audienceOf(window.audience, f, people)) {
    if (!seen.insert(r.user_id).second) continue;
    auto params = paramsIn(r.language, f);
    params["name"] = r.name;
    const auto m = render(r.language, window.template_key, params);
    stores::OutboxStore::queue(
        tx, {r.user_id, r.email, m.language, std::string(window.template_key), m.subject, m.body},
        now);
    ++written;
  }
  return written;
}

}  // namespace citygrants::mail
