#pragma once

#include <vector>

#include "modules/workflow/machine.h"

namespace citygrants::workflow {

// Every machine of citygrants, described: call, proposal, review assignment, grant, tranche, report,
// amendment.
std::vector<MachineInfo> allMachines();

}  // namespace citygrants::workflow
