#pragma once

#include <string>
#include <vector>

#include "modules/proposals/validation.h"
#include "modules/workflow/awaited.h"
#include "services/stores/call_store.h"
#include "services/stores/proposal_list.h"
#include "services/stores/proposal_store.h"
#include "services/stores/review_store.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// A proposal as a reader sees it: the record, its current content, and what they may do now.
struct ProposalView {
  stores::Proposal proposal;
  stores::ProposalVersion current;
  std::vector<std::string> actions;
  // The steps the record waits for from this reader that a guard holds back, each with the
  // guard's reason (workflow::waitingFor, as the inbox says it): "send_to_review" until the
  // English translation of a proposal written in another language is attached.
  std::vector<workflow::HeldStep> held;
  // False for a partner reviewer who has not yet declared no conflict of interest: they see only
  // the reference, title, city and amount requested until they do.
  bool full_access = true;
  std::string currency = "USD";  // the call's: every amount of the proposal is in it
  // The next instant at which what the view says changes with the clock alone (its call
  // closing, which ends submission); none when nothing does.
  std::optional<std::int64_t> changes_at;
};

// A proposal's versions, oldest first, as a reader sees them: none for a partner reviewer who
// has not declared (ProposalView::full_access), and the call's currency of their amounts.
struct ProposalVersions {
  std::vector<stores::ProposalVersion> items;
  std::string currency = "USD";
  std::size_t size() const { return items.size(); }
  const stores::ProposalVersion& operator[](std::size_t i) const { return items[i]; }
};

// Concept notes and full proposals, from first draft to decision.
class ProposalService {
 public:
  explicit ProposalService(Context ctx) : ctx_(ctx) {}

  // Starts a proposal of the actor's city in an open call: a concept note when the call is
  // two-stage, else a full draft. REQUIRES: actor is an applicant of a city.
  ProposalView create(const Actor& actor, std::int64_t call_id,
                      const proposals::ProposalContent& content);

  // Saves the content of a draft (concept_draft, draft, revision_requested). In
  // revision_requested the first edit starts a new version; the submitted one stays frozen.
  ProposalView edit(const Actor& actor, std::int64_t proposal_id,
                    std::optional<std::int64_t> expected_version,
                    const proposals::ProposalContent& content);

  // Fires any proposal event. `approve` also creates the grant with its tranches and reports.
  ProposalView fire(const Actor& actor, std::int64_t proposal_id, const TransitionRequest& req);

  // Names the strategic partner that accompanies the city (fund manager, before review ends).
  ProposalView setSupportingPartner(const Actor& actor, std::int64_t proposal_id,
                                    std::optional<std::int64_t> expected_version,
                                    std::int64_t partner_org_id);

  // Attaches the fund's English translation to the current version (fund manager).
  ProposalView attachTranslation(const Actor& actor, std::int64_t proposal_id,
                                 const std::string& text);

  // kNotFound when the actor may not see it.
  ProposalView get(const Actor& actor, std::int64_t proposal_id);
  ProposalVersions versions(const Actor& actor, std::int64_t proposal_id);

  // A page of the proposals the actor may see, filtered and ordered as `query` says (its
  // visibility fields are set here from the actor).
  stores::ProposalPage list(const Actor& actor, stores::ProposalQuery query);

 private:
  Context ctx_;
};

}  // namespace citygrants::usecases
