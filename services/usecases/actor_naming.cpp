#include "services/usecases/actor_naming.h"

#include <set>

#include "services/stores/people_store.h"

namespace citygrants::usecases {

void ActorNaming::add(Actors& into, std::string_view field,
                      const std::optional<std::int64_t>& user_id, const access::Parties& parties) {
  if (user_id) pending_.push_back({&into, std::string(field), *user_id, parties});
}

void ActorNaming::resolve(db::Tx& tx) {
  if (pending_.empty()) return;
  std::set<std::int64_t> ids;
  for (const auto& p : pending_) ids.insert(p.user_id);
  const auto people = stores::PeopleStore::byIds(tx, ids);
  for (const auto& p : pending_) {
    const auto found = people.find(p.user_id);
    if (found == people.end()) continue;  // users are never deleted: not reached
    p.into->push_back({p.field, access::discloseTo(reader_, found->second, p.parties)});
  }
  pending_.clear();
}

}  // namespace citygrants::usecases
