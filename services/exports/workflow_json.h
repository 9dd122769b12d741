#pragma once

#include <string>

namespace citygrants::exports {

// Every workflow machine as JSON: {"machines":[{"name", "states", "transitions":[{"from",
// "event", "to", "roles", "guards", "needs"}]}]}. Printed by `citygrants workflow` and served at
// /api/v1/workflows, so the console draws exactly the tables the server enforces.
std::string workflowJson();

}  // namespace citygrants::exports
