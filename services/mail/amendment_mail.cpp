#include "services/mail/amendment_mail.h"

#include <string>
#include <vector>

#include "modules/core/text.h"
#include "services/mail/catalog.h"
#include "services/mail/queue_to.h"
#include "services/mail/render.h"
#include "services/stores/amendment_store.h"
#include "services/stores/directory_store.h"
#include "services/stores/outbox_store.h"

namespace citygrants::mail {
namespace {

using access::Role;
using stores::OutboxStore;
using stores::Recipient;
using workflow::Notice;

// The amendment's kinds in `language`, joined by commas.
std::string kindsIn(const std::string& language, const records::Amendment& a) {
  std::string out;
  for (const auto& kind : stores::kindsOf(a.terms)) {
    if (!out.empty()) out += ", ";
    out += text(language, "kind." + kind);
  }
  return out;
}

std::vector<Recipient> joined(std::vector<Recipient> a, const std::vector<Recipient>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace

void mailAmendmentEvent(db::Tx& tx, Notice notice, const records::Amendment& a,
                        const stores::Grant& g, bool partner_reviews,
                        const std::optional<std::string>& reason, std::int64_t ends_at,
                        std::int64_t now) {
  if (notice != Notice::kAmendmentRequested && notice != Notice::kAmendmentReviewed &&
      notice != Notice::kAmendmentDecided && notice != Notice::kAmendmentApplied) {
    return;
  }
  const auto org = stores::DirectoryStore::findOrganisation(tx, g.city_org_id);
  const std::string city = org ? org->name : "";
  const std::string why = reason && !core::isBlank(*reason) ? *reason : a.reason;
  auto params_in = [&](const std::string& language) {
    return Params{{"grant", g.reference},
                  {"city", city},
                  {"kinds", kindsIn(language, a)},
                  {"reason", why},
                  {"amount", formatMoney(g.amount_minor, g.currency, language)},
                  {"end_date", formatDate(ends_at, language)},
                  {"link", consoleLink("amendments/" + std::to_string(a.id))}};
  };
  const auto fund = OutboxStore::usersWithRole(tx, Role::kFundManager);
  const auto city_staff = OutboxStore::usersWithRole(tx, Role::kApplicant, g.city_org_id);
  switch (notice) {
    case Notice::kAmendmentRequested: {
      auto to = fund;
      if (partner_reviews) {
        to = joined(to, OutboxStore::usersWithRole(tx, Role::kPartner, g.supporting_org_id));
      }
      queueTo(tx, to, "amendment_requested", params_in, now);
      break;
    }
    case Notice::kAmendmentReviewed:
      queueTo(tx, fund, "amendment_reviewed", params_in, now);
      break;
    case Notice::kAmendmentDecided:
      queueTo(tx, city_staff,
              a.state == "rejected" ? "amendment_rejected" : "amendment_approved", params_in,
              now);
      break;
    default:
      queueTo(tx, city_staff, "amendment_applied", params_in, now);
      break;
  }
}

}  // namespace citygrants::mail
