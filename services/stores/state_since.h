#pragma once

#include <string>

namespace citygrants::stores {

// SQL for when the record aliased `alias` (with columns id and state) entered its current state:
// its latest audit event into that state from another one (an edit or a score within the state
// does not count), else `created` (an SQL expression, its creation time). `entity` is the
// machine's name as audit rows carry it ("proposal", "tranche"): a constant of the code, never
// input. Uses the index audit_events (entity, entity_id).
std::string stateSinceSql(const std::string& entity, const std::string& alias,
                          const std::string& created);

}  // namespace citygrants::stores
