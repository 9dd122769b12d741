#pragma once

#include <string>

#include "services/auth/password.h"
#include "services/auth/sign_in_limits.h"
#include "services/stores/directory_store.h"
#include "services/usecases/use_case.h"

namespace citygrants::auth {

// What an accepted invitation made.
struct AcceptedInvitation {
  stores::User user;
  std::string organisation;  // its name
};

// The invitee's side of a team invitation (usecases::TeamService makes them): signed out, with
// the token of the mailed link, they choose their name and password and get the account.
class InvitationService {
 public:
  // With `limits`, acceptance spends the client address's sign-in attempts and the password is
  // hashed in a turn of the hash gate.
  InvitationService(usecases::Context ctx, SignInLimits* limits = nullptr,
                    HashCost cost = HashCost::kInteractive)
      : ctx_(ctx), limits_(limits), cost_(cost) {}

  // Makes the invitation's account: a user of its organisation with its email, role and
  // language, `name` and `password`; marks the invitation accepted; audited
  // ("accept_invitation") in one transaction. The account is an ordinary one: a role that needs
  // a second factor enrols at its first sign-in. Refusals, nothing written:
  // kInvalid naming "token" for a token that is not 64 hexadecimal digits; kNotFound
  // (team.invitation_dead), one answer for an unknown, expired, used or revoked token;
  // kInvalid naming "name" (1 to 200 characters) or "password" (passwordProblem); kConflict
  // naming "email" when an account with the email exists by now (team.email_taken);
  // kTooManyRequests as sign-in.
  AcceptedInvitation accept(const std::string& token, const std::string& name,
                            const std::string& password, const std::string& client = "");

 private:
  usecases::Context ctx_;
  SignInLimits* limits_;
  HashCost cost_;
};

}  // namespace citygrants::auth
