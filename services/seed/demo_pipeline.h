#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "modules/proposals/validation.h"
#include "services/clock.h"
#include "services/stores/call_store.h"
#include "services/usecases/use_case.h"

namespace citygrants::seed {

// The people of the demo fund, by login.
struct DemoPeople {
  std::map<std::string, access::Actor> by_email;
  std::map<std::string, std::int64_t> org_ids;  // by organisation name
  const access::Actor& operator[](const std::string& email) const { return by_email.at(email); }
};

// One proposal to drive: who writes it, what it says, and where it should stop.
struct DemoProposal {
  std::string applicant;  // login
  proposals::ProposalContent content;
  std::string target_state;
  std::vector<std::string> reviewers;  // logins of partner reviewers (for in_review and later)
  std::string supporting_partner;      // organisation name
  std::vector<std::vector<int>> scores;  // per reviewer, per criterion (1-5)
};

// Drives proposals through the real use cases, one step at a time, moving the clock forward a
// little before each step so the history reads like a real round.
class DemoPipeline {
 public:
  DemoPipeline(usecases::Context ctx, services::ManualClock& clock, const DemoPeople& people,
               const stores::Call& call)
      : ctx_(ctx), clock_(clock), people_(people), call_(call) {}

  // Creates the proposal and fires the events that bring it to `p.target_state` (any proposal
  // state). Returns its id.
  std::int64_t drive(const DemoProposal& p);

  // Signs the grant of an approved proposal, disburses its first tranche with four eyes, and
  // writes the mid-term progress report with results at `percent` of the period's targets;
  // with `accepted` the city submits it and the supporting partner (`reviewer`) accepts it.
  void runGrant(std::int64_t proposal_id, const std::string& applicant, const std::string& reviewer,
                int percent, bool accepted);

  // Requests the grant's next scheduled tranche as the city and verifies it as the partner.
  void verifyNextTranche(std::int64_t proposal_id, const std::string& applicant,
                         const std::string& reviewer);

 private:
  void step() { clock_.advance(3 * 60 * 60 * 1000 + 17 * 60 * 1000); }
  void review(std::int64_t proposal_id, const DemoProposal& p, bool submit);
  usecases::Context ctx_;
  services::ManualClock& clock_;
  const DemoPeople& people_;
  stores::Call call_;
};

}  // namespace citygrants::seed
