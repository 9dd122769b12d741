#include "modules/workflow/row.h"

#include "modules/core/text.h"

namespace citygrants::workflow {

std::string_view needName(Need need) {
  switch (need) {
    case kNone: return "none";
    case kReason: return "reason";
    case kAmount: return "amount_minor";
    case kPaymentReference: return "payment_reference";
    case kIdempotencyKey: return "idempotency_key";
    case kNoConflict: return "no_conflict_declared";
  }
  return "unknown";
}

std::string_view tagName(Tag tag) {
  switch (tag) {
    case kNoTags: return "none";
    case kWritesTerms: return "writes_terms";
    case kFreezesVersion: return "freezes_version";
    case kStartsNextVersion: return "starts_next_version";
    case kNamesMissingFields: return "names_missing_fields";
    case kRecordsDecision: return "records_decision";
    case kDecidesAward: return "decides_award";
    case kFlagsFutureRound: return "flags_future_round";
    case kCreatesGrant: return "creates_grant";
    case kCancelsOpenTranches: return "cancels_open_tranches";
    case kChecksDisbursedSum: return "checks_disbursed_sum";
    case kChecksTerms: return "checks_terms";
    case kMovesMoney: return "moves_money";
  }
  return "unknown";
}

std::string_view noticeName(Notice notice) {
  switch (notice) {
    case Notice::kNone: return "none";
    case Notice::kSubmitted: return "submitted";
    case Notice::kRevisionRequested: return "revision_requested";
    case Notice::kRejected: return "rejected";
    case Notice::kConceptInvited: return "concept_invited";
    case Notice::kConceptDeclined: return "concept_declined";
    case Notice::kApproved: return "approved";
    case Notice::kTrancheRequested: return "tranche_requested";
    case Notice::kTrancheVerified: return "tranche_verified";
    case Notice::kTrancheDisbursed: return "tranche_disbursed";
    case Notice::kReportsDue: return "reports_due";
    case Notice::kAmendmentRequested: return "amendment_requested";
    case Notice::kAmendmentReviewed: return "amendment_reviewed";
    case Notice::kAmendmentDecided: return "amendment_decided";
    case Notice::kAmendmentApplied: return "amendment_applied";
  }
  return "unknown";
}

std::vector<core::FieldError> missingNeeds(unsigned needs, const Input& input) {
  auto blank = [](const std::optional<std::string>& s) { return !s || core::isBlank(*s); };
  std::vector<core::FieldError> out;
  if ((needs & kReason) && blank(input.reason)) out.push_back({"reason", "workflow.need_reason"});
  if ((needs & kAmount) && (!input.amount_minor || *input.amount_minor <= 0)) {
    out.push_back({"amount_minor", "workflow.need_amount"});
  }
  if ((needs & kPaymentReference) && blank(input.payment_reference)) {
    out.push_back({"payment_reference", "workflow.need_payment_reference"});
  }
  if ((needs & kIdempotencyKey) && blank(input.idempotency_key)) {
    out.push_back({"idempotency_key", "workflow.need_idempotency_key"});
  }
  if ((needs & kNoConflict) && !input.no_conflict_declared) {
    out.push_back({"no_conflict_declared", "workflow.need_no_conflict"});
  }
  return out;
}

}  // namespace citygrants::workflow
