#include "services/mail/catalog.h"

// English mail. Every key here is in the other catalogs too, with the same placeholders (the
// catalog test checks both).
namespace citygrants::mail {
namespace {

// clang-format off
constexpr Entry kEntries[] = {
  {"proposal_submitted.subject", "{reference}: new {stage} from {city}"},
  {"proposal_submitted.body",
   "Dear {name},\n\n"
   "{city} has submitted the {stage} {reference}, \"{title}\", requesting {amount}.\n\n"
   "It is waiting for screening in the console:\n{link}"},

  {"submission_received.subject", "{reference}: we have received your {stage}"},
  {"submission_received.body",
   "Dear {name},\n\n"
   "Thank you: the fund has received the {stage} {reference}, \"{title}\". The fund managers "
   "will screen it and keep you informed of each step.\n\n"
   "You can follow it in the console:\n{link}"},

  {"revision_requested.subject", "{reference}: the fund asks for a revision"},
  {"revision_requested.body",
   "Dear {name},\n\n"
   "The fund managers have returned the proposal {reference}, \"{title}\", for revision. "
   "Their reason:\n\n{reason}\n\n"
   "Please revise the proposal and submit it again in the console:\n{link}"},

  {"review_assigned.subject", "{reference}: a proposal from {city} to review"},
  {"review_assigned.body",
   "Dear {name},\n\n"
   "The fund has asked your organisation to review the proposal {reference}, \"{title}\", from "
   "{city}, requesting {amount}.\n\n"
   "Please declare any conflict of interest, then accept or decline the review in the "
   "console:\n{link}"},

  {"concept_invited.subject", "{reference}: you are invited to submit a full proposal"},
  {"concept_invited.body",
   "Dear {name},\n\n"
   "Good news: the fund managers have considered the concept note {reference}, \"{title}\", "
   "and invite you to submit a full proposal. Their feedback:\n\n{reason}\n\n"
   "The draft of the full proposal, carrying over your concept note, is waiting for you in "
   "the console:\n{link}"},

  {"concept_declined.subject", "{reference}: decision on your concept note"},
  {"concept_declined.body",
   "Dear {name},\n\n"
   "The fund managers have considered the concept note {reference}, \"{title}\", and regret "
   "that they cannot invite a full proposal in this round. Their feedback:\n\n{reason}\n\n"
   "{future}\n\n"
   "The concept note remains in the console:\n{link}"},

  {"proposal_approved.subject", "{reference}: your proposal is approved"},
  {"proposal_approved.body",
   "Dear {name},\n\n"
   "We are pleased to tell you that the fund has approved the proposal {reference}, "
   "\"{title}\", with an award of {amount}.\n\n"
   "The agreement of the grant {grant} is waiting for your signature in the console:\n{link}"},

  {"proposal_rejected.subject", "{reference}: decision on your proposal"},
  {"proposal_rejected.body",
   "Dear {name},\n\n"
   "The fund managers have considered the proposal {reference}, \"{title}\", and regret that "
   "they cannot fund it. Their reason:\n\n{reason}\n\n"
   "The proposal remains in the console:\n{link}"},

  {"tranche_requested.subject", "{tranche}: {city} requests {amount}"},
  {"tranche_requested.body",
   "Dear {name},\n\n"
   "{city} has requested the tranche {tranche} of the grant {grant}: {amount}.\n\n"
   "The supporting partner verifies the request; the fund managers then approve and disburse "
   "it. The grant is in the console:\n{link}"},

  {"tranche_verified.subject", "{tranche}: verified, ready for approval"},
  {"tranche_verified.body",
   "Dear {name},\n\n"
   "The supporting partner has verified the request of {city} for the tranche {tranche} of "
   "the grant {grant}: {amount}.\n\n"
   "It is ready for approval and disbursement, by two different fund managers, in the "
   "console:\n{link}"},

  {"tranche_disbursed.subject", "{tranche}: {amount} disbursed"},
  {"tranche_disbursed.body",
   "Dear {name},\n\n"
   "The fund has disbursed the tranche {tranche} of the grant {grant}: {amount}, payment "
   "reference {payment_reference}.\n\n"
   "The grant's schedule is in the console:\n{link}"},

  {"message_received.subject", "{reference}: a message from {sender}"},
  {"message_received.body",
   "Dear {name},\n\n"
   "{sender} has written about {reference}, \"{title}\":\n\n"
   "{message}\n\n"
   "{files}Read it and answer in the console:\n{link}"},

  {"internal_message_received.subject", "{reference}: an internal message from {sender}"},
  {"internal_message_received.body",
   "Dear {name},\n\n"
   "{sender} has written an internal message about {reference}, \"{title}\" ({city}). The city "
   "does not see it.\n\n"
   "{message}\n\n"
   "{files}Read it and answer in the console:\n{link}"},

  {"report_due.subject", "{grant}: {report} due on {due_date}"},
  {"report_due.body",
   "Dear {name},\n\n"
   "The {report} of the grant {grant} is due on {due_date}. While a report is overdue, the "
   "grant's next tranche cannot be requested.\n\n"
   "You can write and submit it in the console:\n{link}"},

  {"report_overdue.subject", "{grant}: {report} overdue since {due_date}"},
  {"report_overdue.body",
   "Dear {name},\n\n"
   "The {report} of the grant {grant} ({city}) was due on {due_date} and has not been "
   "submitted yet. While a report is overdue, the grant's next tranche cannot be requested.\n\n"
   "The report is in the console:\n{link}"},

  {"review_due.subject", "{reference}: your review is due on {due_date}"},
  {"review_due.body",
   "Dear {name},\n\n"
   "Your organisation's review of the proposal {reference} from {city} is due on "
   "{due_date}.\n\n"
   "Please complete and submit it in the console:\n{link}"},

  {"review_overdue.subject", "{reference}: your review was due on {due_date}"},
  {"review_overdue.body",
   "Dear {name},\n\n"
   "Your organisation's review of the proposal {reference} from {city} was due on {due_date} "
   "and has not been submitted yet. If you cannot complete it, please decline it so that the "
   "fund can ask another partner.\n\n"
   "The review is in the console:\n{link}"},

  {"award_waiting.subject", "{reference}: an award waits for a second fund manager"},
  {"award_waiting.body",
   "Dear {name},\n\n"
   "An award of {amount} to {city} for the proposal {reference} was proposed on {since_date} "
   "and still waits for the approval of a second fund manager.\n\n"
   "You can approve it or withdraw it in the console:\n{link}"},

  {"call_closing.subject", "{call}: the call closes on {closes_date}"},
  {"call_closing.body",
   "Dear {name},\n\n"
   "The call {call}, \"{title}\", closes for submissions on {closes_date}, and {city} has a "
   "draft in it that is not submitted yet. A draft not submitted by then cannot be "
   "considered.\n\n"
   "The call and your drafts are in the console:\n{link}"},

  {"team_invitation.subject", "{inviter} invites you to {organisation} on citygrants"},
  {"team_invitation.body",
   "Hello {name},\n\n"
   "{inviter} invites you to join {organisation} on citygrants, the Global Cities Fund's grant "
   "tracker, as {role}. To accept, open this link within {days} days, choose your name and a "
   "password; it works once:\n{link}\n\n"
   "If you do not know {inviter} or did not expect this, ignore this message: no account is "
   "made."},
  {"role.applicant", "city applicant"},
  {"role.partner", "partner reviewer"},
  {"role.fund_manager", "fund manager"},
  {"role.admin", "administrator"},
  {"role.auditor", "auditor (read-only)"},

  {"password_reset.subject", "Reset your citygrants password"},
  {"password_reset.body",
   "Dear {name},\n\n"
   "Someone, we hope you, asked to reset the password of your citygrants account. To choose "
   "a new password, open this link within {minutes} minutes; it works once:\n{link}\n\n"
   "Choosing a new password signs you out everywhere. If you did not ask for this, ignore "
   "this message: your password stays as it is."},

  {"amendment_requested.subject", "{grant}: a change is asked for"},
  {"amendment_requested.body",
   "Dear {name},\n\n"
   "A change to the grant {grant} of {city} is asked for: {kinds}.\n\n"
   "Reason: {reason}\n\n"
   "Compare the old and new terms in the console:\n{link}"},

  {"amendment_reviewed.subject", "{grant}: the partner has reviewed a change"},
  {"amendment_reviewed.body",
   "Dear {name},\n\n"
   "The supporting partner has reviewed the change asked for on the grant {grant} of {city}:\n\n"
   "{reason}\n\n"
   "It waits for a fund manager's decision in the console:\n{link}"},

  {"amendment_approved.subject", "{grant}: the change is approved"},
  {"amendment_approved.body",
   "Dear {name},\n\n"
   "The fund has approved the change to the grant {grant}: {kinds}. The new terms apply once a "
   "fund manager applies them.\n\n"
   "In the console:\n{link}"},

  {"amendment_rejected.subject", "{grant}: the change is not approved"},
  {"amendment_rejected.body",
   "Dear {name},\n\n"
   "The fund has not approved the change to the grant {grant}: {kinds}.\n\n"
   "Reason: {reason}\n\n"
   "In the console:\n{link}"},

  {"amendment_applied.subject", "{grant}: new terms apply"},
  {"amendment_applied.body",
   "Dear {name},\n\n"
   "The grant {grant} now runs on new terms: {amount}, ending on {end_date}. The earlier terms "
   "are kept for comparison.\n\n"
   "The grant's schedule is in the console:\n{link}"},

  {"kind.extension", "a later end date"},
  {"kind.amount", "a new amount"},
  {"kind.reallocation", "a reallocation between budget lines"},
  {"kind.replan", "a new tranche plan"},

  {"footer",
   "--\ncitygrants, Global Cities Fund for Migrants and Refugees\n"
   "This message was sent automatically; replies are not read."},
  {"no_reason", "(no reason given)"},
  {"message.files", "Files attached: {count}.\n\n"},
  {"sender.partner", "a strategic partner"},
  {"future_round", "The fund managers have noted your city as eligible for a future round."},
  {"stage.concept", "concept note"},
  {"stage.full", "full proposal"},
  {"report.progress", "progress report"},
  {"report.financial", "financial report"},
  {"report.final", "final report"},
  {"money.pattern", "{currency} {amount}"},
  {"money.group", ","},
  {"money.decimal", "."},
  {"date.pattern", "{day} {month} {year}"},
  {"month.1", "January"}, {"month.2", "February"}, {"month.3", "March"},
  {"month.4", "April"}, {"month.5", "May"}, {"month.6", "June"},
  {"month.7", "July"}, {"month.8", "August"}, {"month.9", "September"},
  {"month.10", "October"}, {"month.11", "November"}, {"month.12", "December"},
};
// clang-format on

}  // namespace

std::span<const Entry> englishCatalog() { return kEntries; }

}  // namespace citygrants::mail
