#include "services/mail/account_mail.h"

#include "services/mail/render.h"
#include "services/stores/outbox_store.h"

namespace citygrants::mail {

std::string passwordResetLink(const std::string& token) {
  return consoleLink("password-reset/" + token);
}

void mailPasswordReset(db::Tx& tx, const stores::User& user, const std::string& token,
                       std::int64_t minutes, std::int64_t now) {
  const std::string key = "password_reset";
  const auto m = render(user.language, key,
                        {{"name", user.name},
                         {"link", passwordResetLink(token)},
                         {"minutes", std::to_string(minutes)}});
  stores::OutboxStore::queue(tx, {user.id, user.email, m.language, key, m.subject, m.body}, now);
}

}  // namespace citygrants::mail
