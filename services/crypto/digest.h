#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// Hashing, random tokens and comparison for whoever needs them: the audit chain's hashes, the
// sign-in's session and API tokens, attachments' and the console's digests (libsodium).
namespace citygrants::crypto {

// SHA-256 of `data` as 64 lowercase hex digits.
std::string sha256Hex(std::string_view data);

// `bytes` bytes from the system's secure random source.
std::string randomBytes(std::size_t bytes);

// `bytes` bytes from the system's secure random source, as 2 * bytes lowercase hex digits.
std::string randomHex(std::size_t bytes);

// Compares two strings in time that depends only on their lengths.
bool constantTimeEquals(std::string_view a, std::string_view b);

}  // namespace citygrants::crypto
