#include "services/crypto/digest.h"

#include <sodium.h>

#include <stdexcept>

namespace citygrants::crypto {
namespace {

void initSodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string toHex(const unsigned char* data, std::size_t n) {
  std::string hex(n * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), data, n);
  hex.pop_back();
  return hex;
}

}  // namespace

std::string sha256Hex(std::string_view data) {
  initSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return toHex(digest, sizeof digest);
}

std::string randomBytes(std::size_t bytes) {
  initSodium();
  std::string buf(bytes, '\0');
  randombytes_buf(buf.data(), buf.size());
  return buf;
}

std::string randomHex(std::size_t bytes) {
  const auto buf = randomBytes(bytes);
  return toHex(reinterpret_cast<const unsigned char*>(buf.data()), buf.size());
}

bool constantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  initSodium();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace citygrants::crypto
