#include "services/mail/queue_to.h"

#include <set>

namespace citygrants::mail {

void queueTo(db::Tx& tx, const std::vector<stores::Recipient>& to, std::string_view key,
             const ParamsIn& params_in, std::int64_t now) {
  std::set<std::int64_t> seen;
  for (const auto& r : to) {
    if (!seen.insert(r.user_id).second) continue;
    auto params = params_in(r.language);
    params["name"] = r.name;
    const auto m = render(r.language, key, params);
    stores::OutboxStore::queue(
        tx, {r.user_id, r.email, m.language, std::string(key), m.subject, m.body}, now);
  }
}

}  // namespace citygrants::mail
