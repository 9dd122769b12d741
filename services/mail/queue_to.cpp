#include "services/mail/queue_to.h"

#include <set>

namespace citygrants::mail {

void addMails(std::vector<stores::OutgoingMail>& mails, const std::vector<stores::Recipient>& to,
              std::string_view key, const ParamsIn& params_in) {
  std::set<std::int64_t> seen;
  for (const auto& r : to) {
    if (!seen.insert(r.user_id).second) continue;
    auto params = params_in(r.language);
    params["name"] = r.name;
    auto m = render(r.language, key, params);
    mails.push_back({r.user_id, r.email, m.language, std::string(key), std::move(m.subject),
                     std::move(m.body)});
  }
}

void queueTo(db::Tx& tx, const std::vector<stores::Recipient>& to, std::string_view key,
             const ParamsIn& params_in, std::int64_t now) {
  std::vector<stores::OutgoingMail> mails;
  addMails(mails, to, key, params_in);
  stores::OutboxStore::queue(tx, mails, now);
}

}  // namespace citygrants::mail
