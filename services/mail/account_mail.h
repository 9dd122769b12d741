#pragma once

#include <cstdint>
#include <string>

#include "services/db/database.h"
#include "services/stores/directory_store.h"

namespace citygrants::mail {

// The link of a forgotten-password token: the console's reset page with the token in the
// fragment ("{console_url}#/password-reset/<token>"), which browsers never send to a server.
std::string passwordResetLink(const std::string& token);

// Queues the "password_reset" mail to `user` in their language (users.language), with the link
// of `token` (in clear: the mail is the only place it is written) and the `minutes` it works.
// REQUIRES: tx is the use case's write transaction.
void mailPasswordReset(db::Tx& tx, const stores::User& user, const std::string& token,
                       std::int64_t minutes, std::int64_t now);

}  // namespace citygrants::mail
