#include "services/mail/team_mail.h"

#include "modules/access/role.h"
#include "services/mail/catalog.h"
#include "services/mail/render.h"
#include "services/stores/outbox_store.h"

namespace citygrants::mail {

std::string invitationLink(const std::string& token) { return consoleLink("invitation/" + token); }

void mailInvitation(db::Tx& tx, const stores::Invitation& invitation, const std::string& token,
                    const std::string& inviter, const std::string& organisation,
                    std::int64_t days, std::int64_t now) {
  const std::string key = "team_invitation";
  const std::string role_key = "role." + std::string(access::roleName(invitation.role));
  const auto m = render(invitation.language, key,
                        {{"name", invitation.email},  // the invitee has no name yet
                         {"inviter", inviter},
                         {"organisation", organisation},
                         {"role", std::string(text(invitation.language, role_key))},
                         {"link", invitationLink(token)},
                         {"days", std::to_string(days)}});
  stores::OutboxStore::queue(
      tx, {std::nullopt, invitation.email, m.language, key, m.subject, m.body}, now);
}

}  // namespace citygrants::mail
