#include "modules/workflow/catalog.h"

#include "modules/workflow/amendment_flow.h"
#include "modules/workflow/call_flow.h"
#include "modules/workflow/grant_flow.h"
#include "modules/workflow/proposal_flow.h"
#include "modules/workflow/report_flow.h"
#include "modules/workflow/review_flow.h"
#include "modules/workflow/tranche_flow.h"

namespace citygrants::workflow {

std::vector<MachineInfo> allMachines() {
  return {describe(kCallFlow),  describe(kProposalFlow), describe(kReviewFlow),
          describe(kGrantFlow), describe(kTrancheFlow),  describe(kReportFlow),
          describe(kAmendmentFlow)};
}

}  // namespace citygrants::workflow
