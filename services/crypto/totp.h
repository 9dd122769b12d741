#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// One-time passwords for the second factor (issue 17): HOTP (RFC 4226) over HMAC-SHA-1 and TOTP
// (RFC 6238: 30-second steps from the Unix epoch, 6 digits), the Base32 of RFC 4648 that
// authenticator apps read secrets in, and the otpauth:// address a QR code carries.
namespace citygrants::crypto {

inline constexpr std::int64_t kTotpStepSeconds = 30;
inline constexpr int kTotpDigits = 6;

// RFC 4648 Base32 without padding (what otpauth:// addresses carry).
std::string base32Encode(std::string_view bytes);

// The bytes of a Base32 text, upper or lower case, padding and spaces ignored; nullopt when it
// holds any other character or trailing bits that are not zero.
std::optional<std::string> base32Decode(std::string_view text);

// The HOTP value of `key` at `counter`, as `digits` decimal digits with leading zeros.
std::string hotp(std::string_view key, std::uint64_t counter, int digits = kTotpDigits);

// The time step that `unix_seconds` falls in.
std::int64_t totpStep(std::int64_t unix_seconds);

// The TOTP code of `key` at `unix_seconds` (RFC 6238 with SHA-1).
std::string totpAt(std::string_view key, std::int64_t unix_seconds, int digits = kTotpDigits);

// The time step a code typed at `unix_seconds` belongs to, looking one step back and one ahead
// (clocks drift), or nullopt when it matches none of them. Steps at or before `last_used_step`
// never match: a code, once accepted, is not accepted again (nor an older one). A code of other
// than kTotpDigits digits never matches. Compared in constant time.
std::optional<std::int64_t> matchTotp(std::string_view key, std::string_view code,
                                      std::int64_t unix_seconds,
                                      std::optional<std::int64_t> last_used_step);

// A new random secret of 20 bytes (160 bits, as RFC 4226 recommends).
std::string newTotpSecret();

// The otpauth://totp/ address an authenticator app reads from a QR code: the issuer and the
// account percent-encoded, the secret in Base32, SHA1, 6 digits, 30 seconds.
std::string otpauthUri(std::string_view issuer, std::string_view account, std::string_view key);

}  // namespace citygrants::crypto
