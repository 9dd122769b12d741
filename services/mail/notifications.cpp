#include "services/mail/notifications.h"

#include <algorithm>
#include <span>
#include <stdexcept>
#include <vector>

#include "modules/core/text.h"
#include "services/mail/catalog.h"
#include "services/mail/queue_to.h"
#include "services/mail/render.h"
#include "services/stores/directory_store.h"
#include "services/stores/outbox_store.h"

namespace citygrants::mail {
namespace {

using access::Role;
using stores::OutboxStore;
using stores::Recipient;
using workflow::Notice;

std::vector<Recipient> joined(std::vector<Recipient> a, const std::vector<Recipient>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::string cityName(db::Tx& tx, std::int64_t org_id) {
  auto org = stores::DirectoryStore::findOrganisation(tx, org_id);
  if (!org) throw std::logic_error("a record of a city that does not exist");
  return org->name;
}

// The reason a fund manager gave, or the catalog's words for none.
std::string reasonIn(const std::string& language, const std::optional<std::string>& reason) {
  if (reason && !core::isBlank(*reason)) return *reason;
  return std::string(text(language, "no_reason"));
}

// The template a proposal step's notice sends to the city's applicants, or empty for none.
std::string_view cityTemplateOf(Notice notice) {
  switch (notice) {
    case Notice::kSubmitted: return "submission_received";
    case Notice::kRevisionRequested: return "revision_requested";
    case Notice::kRejected: return "proposal_rejected";
    case Notice::kConceptInvited: return "concept_invited";
    case Notice::kConceptDeclined: return "concept_declined";
    case Notice::kApproved: return "proposal_approved";
    default: return {};
  }
}

void mailReportsDue(db::Tx& tx, const stores::Grant& g, std::int64_t now) {
  const auto applicants = OutboxStore::usersWithRole(tx, Role::kApplicant, g.city_org_id);
  for (const auto& r : reportsDueNext(tx, g.id)) {
    queueTo(
        tx, applicants, "report_due",
        [&](const std::string& language) {
          return Params{{"report", std::string(text(language, "report." + r.kind))},
                        {"grant", g.reference},
                        {"due_date", formatDate(r.due_at, language)},
                        {"link", consoleLink("reports/" + std::to_string(r.id))}};
        },
        now);
  }
}

}  // namespace

void mailProposalEvent(db::Tx& tx, Notice notice, const stores::Proposal& p,
                       const stores::ProposalVersion& version, const stores::Call& call,
                       const std::optional<std::string>& reason, const stores::Grant* grant,
                       std::int64_t now) {
  const auto city_template = cityTemplateOf(notice);
  if (city_template.empty()) return;
  const auto applicants = OutboxStore::organisationWithRole(tx, Role::kApplicant, p.city_org_id);
  const std::string& city = applicants.organisation;
  // What every proposal template may use; each uses some.
  auto params_in = [&](const std::string& language) {
    const auto amount =
        notice == Notice::kApproved ? p.award_minor.value_or(0) : version.content.amount_minor;
    Params params{{"reference", p.reference},
                  {"city", city},
                  {"title", version.content.title},
                  {"stage", std::string(text(language, "stage." + version.stage))},
                  {"amount", formatMoney(amount, call.currency, language)},
                  {"reason", reasonIn(language, reason)},
                  {"future", p.eligible_future ? std::string(text(language, "future_round")) : ""},
                  {"link", consoleLink("proposals/" + std::to_string(p.id))}};
    if (grant != nullptr) {
      params["grant"] = grant->reference;
      params["link"] = consoleLink("grants/" + std::to_string(grant->id));
    }
    return params;
  };
  if (notice == Notice::kApproved && grant == nullptr) {
    throw std::logic_error("an approval's mail needs the grant it created");
  }
  std::vector<stores::OutgoingMail> mails;
  if (notice == Notice::kSubmitted) {
    addMails(mails, OutboxStore::usersWithRole(tx, Role::kFundManager), "proposal_submitted",
             params_in);
  }
  addMails(mails, applicants.users, city_template, params_in);
  OutboxStore::queue(tx, mails, now);
}

void mailReviewAssigned(db::Tx& tx, const stores::Assignment& a, std::int64_t now) {
  const auto p = stores::ProposalStore::load(tx, a.proposal_id);
  const auto version = stores::ProposalStore::loadVersion(tx, a.proposal_id, a.version_number);
  if (!p || !version) throw std::logic_error("a review assignment of a missing proposal");
  const auto call = stores::CallStore::load(tx, p->call_id);
  const std::string city = cityName(tx, p->city_org_id);
  queueTo(
      tx, OutboxStore::usersWithRole(tx, Role::kPartner, a.partner_org_id), "review_assigned",
      [&](const std::string& language) {
        return Params{{"reference", p->reference},
                      {"city", city},
                      {"title", version->content.title},
                      {"amount", formatMoney(version->content.amount_minor,
                                             call ? call->currency : "USD", language)},
                      {"link", consoleLink("assignments/" + std::to_string(a.id))}};
      },
      now);
}

void mailTrancheEvent(db::Tx& tx, Notice notice, const stores::Tranche& t,
                      const stores::Grant& g, std::int64_t now) {
  if (notice != Notice::kTrancheRequested && notice != Notice::kTrancheVerified &&
      notice != Notice::kTrancheDisbursed) {
    return;
  }
  const std::string city = cityName(tx, g.city_org_id);
  auto params_in = [&](const std::string& language) {
    return Params{{"tranche", t.reference},
                  {"grant", g.reference},
                  {"city", city},
                  {"amount", formatMoney(t.amount_minor, g.currency, language)},
                  {"payment_reference", t.payment_reference.value_or("")},
                  {"link", consoleLink("grants/" + std::to_string(g.id))}};
  };
  if (notice == Notice::kTrancheRequested) {
    queueTo(tx,
            joined(OutboxStore::usersWithRole(tx, Role::kPartner, g.supporting_org_id),
                   OutboxStore::usersWithRole(tx, Role::kFundManager)),
            "tranche_requested", params_in, now);
  } else if (notice == Notice::kTrancheVerified) {
    queueTo(tx, OutboxStore::usersWithRole(tx, Role::kFundManager), "tranche_verified", params_in,
            now);
  } else {
    queueTo(tx, OutboxStore::usersWithRole(tx, Role::kApplicant, g.city_org_id),
            "tranche_disbursed", params_in, now);
    mailReportsDue(tx, g, now);
  }
}

void mailGrantEvent(db::Tx& tx, Notice notice, const stores::Grant& g, std::int64_t now) {
  if (notice == Notice::kReportsDue) mailReportsDue(tx, g, now);
}

std::vector<stores::Report> reportsDueNext(db::Tx& tx, std::int64_t grant_id) {
  std::vector<stores::Report> drafts;
  for (auto& r : stores::GrantStore::reportsOf(tx, grant_id)) {
    if (r.state == "draft") drafts.push_back(std::move(r));
  }
  if (drafts.empty()) return drafts;
  const auto first =
      std::min_element(drafts.begin(), drafts.end(), [](const auto& a, const auto& b) {
        return a.due_at < b.due_at;
      })->due_at;
  std::erase_if(drafts, [&](const auto& r) { return r.due_at != first; });
  return drafts;
}

}  // namespace citygrants::mail
