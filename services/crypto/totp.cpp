#include "services/crypto/totp.h"

#include <Poco/HMACEngine.h>
#include <Poco/SHA1Engine.h>

#include <array>
#include <cctype>

#include "services/crypto/digest.h"

namespace citygrants::crypto {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

// The value of a Base32 character, or -1.
int base32Value(char c) {
  const char up = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const auto at = kAlphabet.find(up);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

// RFC 3986's unreserved characters stay; every other byte is %XX.
std::string percentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

}  // namespace

std::string base32Encode(std::string_view bytes) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (const char ch : bytes) {
    buffer = (buffer << 8) | static_cast<unsigned char>(ch);
    bits += 8;
    while (bits >= 5) {
      out += kAlphabet[(buffer >> (bits - 5)) & 0x1F];
      bits -= 5;
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 0x1F];
  return out;
}

std::optional<std::string> base32Decode(std::string_view text) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  bool padding = false;
  for (const char ch : text) {
    if (ch == ' ' || ch == '-') continue;
    if (ch == '=') {
      padding = true;
      continue;
    }
    const int v = base32Value(ch);
    if (v < 0 || padding) return std::nullopt;
    buffer = (buffer << 5) | static_cast<unsigned>(v);
    bits += 5;
    if (bits >= 8) {
      out += static_cast<char>((buffer >> (bits - 8)) & 0xFF);
      bits -= 8;
    }
  }
  // Left over: fewer than 5 bits, all zero, or the text was cut inside a character group.
  if (bits >= 5 || (buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
}

std::string hotp(std::string_view key, std::uint64_t counter, int digits) {
  std::array<unsigned char, 8> message{};
  for (int i = 7; i >= 0; --i, counter >>= 8) message[static_cast<std::size_t>(i)] = counter & 0xFF;
  Poco::HMACEngine<Poco::SHA1Engine> hmac(key.data(), key.size());
  hmac.update(message.data(), message.size());
  const auto& mac = hmac.digest();
  const std::size_t offset = mac[mac.size() - 1] & 0x0F;  // RFC 4226 §5.3: dynamic truncation
  const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7F) << 24) |
                               (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                               (static_cast<std::uint32_t>(mac[offset + 2]) << 8) |
                               static_cast<std::uint32_t>(mac[offset + 3]);
  std::uint32_t modulus = 1;
  for (int i = 0; i < digits; ++i) modulus *= 10;
  std::string code = std::to_string(binary % modulus);
  return std::string(static_cast<std::size_t>(digits) - code.size(), '0') + code;
}

std::int64_t totpStep(std::int64_t unix_seconds) { return unix_seconds / kTotpStepSeconds; }

std::string totpAt(std::string_view key, std::int64_t unix_seconds, int digits) {
  return hotp(key, static_cast<std::uint64_t>(totpStep(unix_seconds)), digits);
}

std::optional<std::int64_t> matchTotp(std::string_view key, std::string_view code,
                                      std::int64_t unix_seconds,
                                      std::optional<std::int64_t> last_used_step) {
  if (code.size() != static_cast<std::size_t>(kTotpDigits)) return std::nullopt;
  std::optional<std::int64_t> matched;
  const auto now = totpStep(unix_seconds);
  // Every step of the window is computed and compared, whatever matched, so the time taken
  // does not tell which one did.
  for (std::int64_t step = now - 1; step <= now + 1; ++step) {
    const bool same = constantTimeEquals(hotp(key, static_cast<std::uint64_t>(step)), code);
    const bool fresh = !last_used_step || step > *last_used_step;
    if (same && fresh && !matched) matched = step;
  }
  return matched;
}

std::string newTotpSecret() { return randomBytes(20); }

std::string otpauthUri(std::string_view issuer, std::string_view account, std::string_view key) {
  const auto who = percentEncode(issuer);
  return "otpauth://totp/" + who + ":" + percentEncode(account) + "?secret=" + base32Encode(key) +
         "&issuer=" + who + "&algorithm=SHA1&digits=" + std::to_string(kTotpDigits) +
         "&period=" + std::to_string(kTotpStepSeconds);
}

}  // namespace citygrants::crypto
