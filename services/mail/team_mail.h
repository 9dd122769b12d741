#pragma once

#include <cstdint>
#include <string>

#include "services/db/database.h"
#include "services/stores/team_store.h"

namespace citygrants::mail {

// The link of an invitation token: the console's acceptance page with the token in the
// fragment ("{console_url}#/invitation/<token>"), which browsers never send to a server.
std::string invitationLink(const std::string& token);

// Queues the "team_invitation" mail to the invitation's email in its language, naming the
// inviter, the organisation and the role, with the link of `token` (in clear: the mail is the
// only place it is written) and the `days` it works.
// REQUIRES: tx is the use case's write transaction.
void mailInvitation(db::Tx& tx, const stores::Invitation& invitation, const std::string& token,
                    const std::string& inviter, const std::string& organisation,
                    std::int64_t days, std::int64_t now);

}  // namespace citygrants::mail
