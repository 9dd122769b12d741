#include "services/stores/state_since.h"

namespace citygrants::stores {

std::string stateSinceSql(const std::string& entity, const std::string& alias,
                          const std::string& created) {
  return "COALESCE((SELECT MAX(e.at) FROM audit_events e WHERE e.entity = '" + entity +
         "' AND e.entity_id = " + alias + ".id AND e.to_state = " + alias +
         ".state AND e.from_state <> e.to_state), " + created + ")";
}

}  // namespace citygrants::stores
