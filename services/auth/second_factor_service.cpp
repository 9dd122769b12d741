#include "services/auth/second_factor_service.h"

#include <algorithm>
#include <cctype>

#include "modules/core/problem.h"
#include "services/audit/audit_log.h"
#include "services/auth/qr_svg.h"
#include "services/crypto/digest.h"
#include "services/crypto/totp.h"
#include "services/stores/directory_store.h"
#include "services/stores/second_factor_store.h"

namespace citygrants::auth {
namespace {

using core::Problem;
using core::ProblemKind;

constexpr int kRecoveryCodes = 10;
constexpr std::size_t kRecoveryLength = 10;  // Base32 characters: 50 random bits
constexpr const char* kIssuer = "citygrants GCF";

// A recovery code as it is stored and compared: Base32 letters and digits only, lower case.
std::string normalisedRecovery(const std::string& code) {
  std::string out;
  for (unsigned char c : code) {
    if (c == '-' || c == ' ') continue;
    out.push_back(static_cast<char>(std::tolower(c)));
  }
  return out;
}

bool isTotpForm(const std::string& code) {
  return code.size() == static_cast<std::size_t>(crypto::kTotpDigits) &&
         std::all_of(code.begin(), code.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool isRecoveryForm(const std::string& code) {
  if (code.size() > 2 * kRecoveryLength) return false;
  const auto n = normalisedRecovery(code);
  return n.size() == kRecoveryLength &&
         std::all_of(n.begin(), n.end(), [](unsigned char c) {
           return (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7');
         });
}

// A recovery code as stored: a random 32-bit salt and SHA-256 over salt and code, so that 50
// random bits are not a table lookup away for whoever reads the database (ASVS 2.6.2).
std::string saltedHash(const std::string& salt_hex, const std::string& code) {
  return salt_hex + ":" + crypto::sha256Hex(salt_hex + code);
}

bool matchesSalted(const std::string& stored, const std::string& code) {
  const auto colon = stored.find(':');
  if (colon == std::string::npos) return false;
  return crypto::constantTimeEquals(stored, saltedHash(stored.substr(0, colon), code));
}

Problem wrongCode() {
  return Problem::invalidField("otp", core::Message("auth.second_factor_wrong"));
}

void audit(db::Tx& tx, const usecases::Actor& actor, const char* event, std::int64_t now,
           const std::string& detail = "{}") {
  audit::appendAudit(tx, {actor.user_id, "user", actor.user_id, event, "", "", detail, now});
}

// The actor's confirmed factor, proven by `code` in `tx`. kConflict without one; kInvalid
// naming "otp" for a malformed or wrong code.
void prove(db::Tx& tx, std::int64_t user_id, const std::string& code, std::int64_t now) {
  if (!stores::SecondFactorStore::confirmed(tx, user_id)) {
    throw Problem(ProblemKind::kConflict, "second_factor.not_enrolled");
  }
  if (!SecondFactorService::wellFormed(code)) {
    throw Problem::invalidField("otp", core::Message("second_factor.code_form"));
  }
  if (!SecondFactorService::check(tx, user_id, code, now)) throw wrongCode();
}

}  // namespace

bool SecondFactorService::wellFormed(const std::string& code) {
  return isTotpForm(code) || isRecoveryForm(code);
}

std::optional<FactorUse> SecondFactorService::check(db::Tx& tx, std::int64_t user_id,
                                                    const std::string& code, std::int64_t now_ms) {
  const auto factor = stores::SecondFactorStore::find(tx, user_id);
  if (!factor || !factor->confirmed_at) return std::nullopt;
  if (isTotpForm(code)) {
    const auto key = crypto::base32Decode(factor->secret);
    if (!key) return std::nullopt;
    const auto step = crypto::matchTotp(*key, code, now_ms / 1000, factor->last_used_step);
    if (!step || !stores::SecondFactorStore::useStep(tx, user_id, *step)) return std::nullopt;
    return FactorUse::kTotp;
  }
  if (!isRecoveryForm(code)) return std::nullopt;
  const auto typed = normalisedRecovery(code);
  for (const auto& [id, stored] : stores::SecondFactorStore::unusedRecoveryCodes(tx, user_id)) {
    if (matchesSalted(stored, typed)) {
      if (!stores::SecondFactorStore::useRecoveryCode(tx, id, now_ms)) return std::nullopt;
      return FactorUse::kRecoveryCode;
    }
  }
  return std::nullopt;
}

std::vector<std::string> SecondFactorService::writeRecoveryCodes(db::Tx& tx, std::int64_t user_id) {
  stores::SecondFactorStore::deleteRecoveryCodes(tx, user_id);
  std::vector<std::string> out;
  while (out.size() < static_cast<std::size_t>(kRecoveryCodes)) {
    auto raw = crypto::base32Encode(crypto::randomBytes(7)).substr(0, kRecoveryLength);
    auto code = normalisedRecovery(raw);
    if (std::find(out.begin(), out.end(), code.substr(0, 5) + "-" + code.substr(5)) != out.end()) {
      continue;  // the same 50 random bits twice: not in this universe, but UNIQUE would say so
    }
    stores::SecondFactorStore::addRecoveryCode(tx, user_id, saltedHash(crypto::randomHex(4), code));
    out.push_back(code.substr(0, 5) + "-" + code.substr(5));
  }
  return out;
}

FactorStatus SecondFactorService::status(const usecases::Actor& actor) {
  auto tx = ctx_.db.read();
  FactorStatus out;
  out.required = policy_.needsSecondFactor(actor.roles);
  if (const auto f = stores::SecondFactorStore::find(tx, actor.user_id)) {
    out.enrolled = f->confirmed_at.has_value();
    out.pending = !out.enrolled;
    out.confirmed_at = f->confirmed_at;
  }
  out.recovery_codes_left = stores::SecondFactorStore::recoveryCodesLeft(tx, actor.user_id);
  tx.commit();
  return out;
}

Enrolment SecondFactorService::start(const usecases::Actor& actor) {
  const auto now = ctx_.clock.nowMs();
  const auto key = crypto::newTotpSecret();
  Enrolment out;
  out.secret = crypto::base32Encode(key);
  ctx_.db.write([&](db::Tx& tx) {
    if (stores::SecondFactorStore::confirmed(tx, actor.user_id)) {
      throw Problem(ProblemKind::kConflict, "second_factor.already_enrolled");
    }
    const auto user = stores::DirectoryStore::findUser(tx, actor.user_id);
    if (!user) throw Problem::notFound("user");
    out.otpauth_uri = crypto::otpauthUri(kIssuer, user->email, key);
    stores::SecondFactorStore::startEnrolment(tx, actor.user_id, out.secret, now);
    audit(tx, actor, "start_second_factor", now);
    tx.commit();
  });
  out.qr_svg = qrSvg(out.otpauth_uri);
  return out;
}

std::vector<std::string> SecondFactorService::confirm(const usecases::Actor& actor,
                                                      const std::string& code) {
  const auto now = ctx_.clock.nowMs();
  std::vector<std::string> codes;
  ctx_.db.write([&](db::Tx& tx) {
    const auto factor = stores::SecondFactorStore::find(tx, actor.user_id);
    if (!factor) throw Problem(ProblemKind::kConflict, "second_factor.not_started");
    if (factor->confirmed_at) throw Problem(ProblemKind::kConflict, "second_factor.already_enrolled");
    if (!isTotpForm(code)) throw Problem::invalidField("otp", core::Message("second_factor.code_form"));
    const auto key = crypto::base32Decode(factor->secret);
    const auto step = key ? crypto::matchTotp(*key, code, now / 1000, std::nullopt) : std::nullopt;
    if (!step) throw wrongCode();
    stores::SecondFactorStore::confirm(tx, actor.user_id, *step, now);
    codes = writeRecoveryCodes(tx, actor.user_id);
    audit(tx, actor, "enrol_second_factor", now);
    tx.commit();
  });
  return codes;
}

std::vector<std::string> SecondFactorService::renewRecoveryCodes(const usecases::Actor& actor,
                                                                 const std::string& code) {
  const auto now = ctx_.clock.nowMs();
  std::vector<std::string> codes;
  ctx_.db.write([&](db::Tx& tx) {
    prove(tx, actor.user_id, code, now);
    codes = writeRecoveryCodes(tx, actor.user_id);
    audit(tx, actor, "renew_recovery_codes", now);
    tx.commit();
  });
  return codes;
}

void SecondFactorService::remove(const usecases::Actor& actor, const std::string& code) {
  if (policy_.needsSecondFactor(actor.roles)) {
    throw Problem::forbidden(core::Message("second_factor.required_by_role"));
  }
  const auto now = ctx_.clock.nowMs();
  ctx_.db.write([&](db::Tx& tx) {
    prove(tx, actor.user_id, code, now);
    stores::SecondFactorStore::remove(tx, actor.user_id);
    audit(tx, actor, "remove_second_factor", now);
    tx.commit();
  });
}

}  // namespace citygrants::auth
