#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "modules/records/amendment.h"
#include "modules/workflow/amendment_flow.h"
#include "services/stores/grant_store.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// What the city or a fund manager asks to change, and why.
struct AmendmentDraft {
  std::string reason;
  records::AmendmentTerms terms;
};

// An amendment as a reader sees it: the grant's terms before and after side by side (before it
// is applied: the terms now and the terms it would write; once applied: the version it replaced
// and the version it wrote), whether it needs the partner's review or a second fund manager,
// and the events the reader may fire now.
struct AmendmentView : records::Amendment {
  std::string grant_reference;
  std::string currency = "USD";
  std::vector<std::string> kinds;
  records::GrantTerms before;
  records::GrantTerms after;
  std::int64_t reallocation_share_bp = 0;
  int review_threshold_bp = 1000;
  bool needs_partner_review = false;
  bool is_increase = false;
  std::vector<std::string> actions;
  Actors actors;  // proposed_by, reviewed_by, approved_by, applied_by as the reader knows them
};

// What the amendment machine's guards read of `a` on grant `g` now (the inbox's facts as the
// amendment's own `actions`): the grant's live terms, its call's budget left and setting. A few
// statements per amendment.
workflow::AmendmentFacts amendmentFacts(db::Tx& tx, const records::Amendment& a,
                                        const stores::Grant& g);

// The versions of a grant's terms, oldest first, in the grant's currency.
struct GrantTermsList {
  std::string currency = "USD";
  std::vector<records::GrantTerms> versions;
};

// Changes to running grants (DESIGN §3, §12): a no-cost extension, a reallocation between budget
// lines, an amount change and a re-plan of undisbursed tranches, one or several in one
// amendment, through the amendment machine (modules/workflow/amendment_flow.h).
class AmendmentService {
 public:
  explicit AmendmentService(Context ctx) : ctx_(ctx) {}

  // Drafts an amendment of a grant: the grant's city requests it (an applicant of the city), or
  // a fund manager proposes it. kNotFound when the actor may not see the grant; kForbidden for
  // anyone else; kConflict when the grant is neither active nor suspended; kInvalid naming each
  // field whose change cannot apply (grants::termErrors) or a blank reason. Writes the grant's
  // terms as version 1 when it has none yet.
  AmendmentView create(const Actor& actor, std::int64_t grant_id, const AmendmentDraft& draft);

  // kNotFound when there is none or the actor may not see its grant.
  AmendmentView get(const Actor& actor, std::int64_t amendment_id);

  // The amendments of a grant, newest first; kNotFound when the actor may not see the grant.
  std::vector<AmendmentView> ofGrant(const Actor& actor, std::int64_t grant_id);

  // Every version of the grant's terms, oldest first (the terms as they stand when it has no
  // version written yet); kNotFound when the actor may not see the grant.
  GrantTermsList terms(const Actor& actor, std::int64_t grant_id);

  // Fires request | review | approve | reject | apply | withdraw. request, approve and apply
  // check the terms again against the grant as it is (kInvalid naming the field); apply writes
  // them (amendment_apply.h). kNotFound when the actor may not see it, kStaleVersion on a stale
  // expected_version.
  AmendmentView fire(const Actor& actor, std::int64_t amendment_id, const TransitionRequest& req);

 private:
  Context ctx_;
};

}  // namespace citygrants::usecases
