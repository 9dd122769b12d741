#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "modules/workflow/row.h"
#include "services/db/database.h"
#include "services/stores/call_store.h"
#include "services/stores/grant_store.h"
#include "services/stores/proposal_store.h"
#include "services/stores/review_store.h"

namespace citygrants::mail {

// The mail the use cases write to outbox_mail, inside their own transaction `tx`: a use case
// that is refused or rolls back writes none. Each message goes to one active user holding the
// role named below, in the user's language (users.language); a user named twice for one event
// (two roles) gets one message. Links point into the console (render.h, consoleLink).

// After a proposal step whose row names `notice` (the table says which step sends which):
//   kSubmitted          -> every fund manager ("proposal_submitted"), and a receipt to the
//                          city's applicants ("submission_received");
//   kRevisionRequested  -> the city's applicants, with the reason;
//   kConceptInvited, kConceptDeclined, kApproved, kRejected
//                       -> the city's applicants: the decision and its feedback (kApproved: the
//                          award and the new grant's reference).
// Any other notice writes nothing. `version`: the proposal's current version after the event;
// `grant`: the grant `approve` created, else null.
void mailProposalEvent(db::Tx& tx, workflow::Notice notice, const stores::Proposal& p,
                       const stores::ProposalVersion& version, const stores::Call& call,
                       const std::optional<std::string>& reason, const stores::Grant* grant,
                       std::int64_t now);

// After a review of `a.proposal_id` was assigned: the partners of the assigned organisation.
void mailReviewAssigned(db::Tx& tx, const stores::Assignment& a, std::int64_t now);

// After a tranche step whose row names `notice` (t as written):
//   kTrancheRequested -> the supporting partner's partners (who verify) and every fund manager;
//   kTrancheVerified  -> every fund manager;
//   kTrancheDisbursed -> the city's applicants, and the report(s) due next (reportsDueNext).
// Any other notice writes nothing.
void mailTrancheEvent(db::Tx& tx, workflow::Notice notice, const stores::Tranche& t,
                      const stores::Grant& g, std::int64_t now);

// After a grant step whose row names `notice`: kReportsDue (sign) tells the city's applicants
// when the first report is due (reportsDueNext). Any other notice writes nothing.
void mailGrantEvent(db::Tx& tx, workflow::Notice notice, const stores::Grant& g, std::int64_t now);

// The grant's reports that are still drafts and due first (the earliest due date; a financial
// and a final report often share it), in seq order. Empty when every report is submitted.
std::vector<stores::Report> reportsDueNext(db::Tx& tx, std::int64_t grant_id);

}  // namespace citygrants::mail
