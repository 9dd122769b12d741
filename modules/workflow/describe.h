#pragma once

#include <string_view>
#include <vector>

#include "modules/access/role.h"

namespace citygrants::workflow {

// A machine with its types erased, for printing (`citygrants workflow`), /workflows and the
// console's diagrams and forms.
struct TransitionInfo {
  std::string_view from, event, to;
  std::vector<access::Role> roles;
  std::vector<std::string_view> guards;
  std::vector<std::string_view> needs;
  std::string_view effect;             // empty: the step changes only the state
  std::vector<std::string_view> tags;  // what the service does beside (row.h, Tag)
  std::string_view notice;             // the mail it sends, "none" for none
};
struct MachineInfo {
  std::string_view name;
  std::vector<std::string_view> states;
  std::vector<TransitionInfo> transitions;
  std::vector<std::string_view> editable;  // states in which the owner edits the content
};

}  // namespace citygrants::workflow
