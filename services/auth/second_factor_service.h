#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/auth/session_service.h"
#include "services/usecases/use_case.h"

namespace citygrants::auth {

// What the account page shows of the actor's second factor.
struct FactorStatus {
  bool required = false;  // one of the actor's roles needs it (SessionPolicy::second_factor_roles)
  bool enrolled = false;  // confirmed: sign-in asks for a code
  bool pending = false;   // started, waiting for its first code
  std::int64_t recovery_codes_left = 0;
  std::optional<std::int64_t> confirmed_at;
};

// A new key as the account page shows it once, for an authenticator app to take.
struct Enrolment {
  std::string secret;       // Base32, for typing in by hand
  std::string otpauth_uri;  // what the QR code carries
  std::string qr_svg;       // the QR code
};

// How a code was accepted.
enum class FactorUse { kTotp, kRecoveryCode };

// The TOTP second factor (RFC 6238) of the signed-in user: enrolment with a QR code and ten
// recovery codes, removal where no role needs it, and the one check that sign-in and step-up
// share. Every change is one transaction with its audit event under "user" (so cached
// credentials on every instance are dropped).
class SecondFactorService {
 public:
  SecondFactorService(usecases::Context ctx, SessionPolicy policy = {})
      : ctx_(ctx), policy_(policy) {}

  FactorStatus status(const usecases::Actor& actor);

  // A new key, pending until confirm(). kConflict when the actor already has a confirmed
  // factor (remove it first). Starting again replaces a pending key. Audited.
  Enrolment start(const usecases::Actor& actor);

  // Confirms the pending key with its first code; answers the ten recovery codes, shown once
  // ("abcde-fghij"). kConflict when nothing is pending; kInvalid naming "otp" for a malformed or
  // wrong code. Audited.
  std::vector<std::string> confirm(const usecases::Actor& actor, const std::string& code);

  // Ten new recovery codes in place of the old ones, once a code proves the factor. Audited.
  std::vector<std::string> renewRecoveryCodes(const usecases::Actor& actor, const std::string& code);

  // Removes the actor's factor once a code proves it. kForbidden when a role of theirs needs
  // one; kConflict when there is none. Audited.
  void remove(const usecases::Actor& actor, const std::string& code);

  // Whether `code` proves `user_id`'s confirmed factor at `now_ms`: a TOTP code of a time step
  // later than the last one used (±1 step for clock drift), or an unused recovery code. Records
  // the use in `tx`, so a code works once. No factor, a malformed or a wrong code: nullopt.
  static std::optional<FactorUse> check(db::Tx& tx, std::int64_t user_id, const std::string& code,
                                        std::int64_t now_ms);

  // Whether `code` has the form of a code: six digits, or a recovery code (ten Base32 letters
  // and digits, with or without its hyphen and spaces, any case).
  static bool wellFormed(const std::string& code);

 private:
  // Writes ten new recovery codes of `user_id` in `tx` in place of any old ones; answers them.
  static std::vector<std::string> writeRecoveryCodes(db::Tx& tx, std::int64_t user_id);
  usecases::Context ctx_;
  SessionPolicy policy_;
};

}  // namespace citygrants::auth
