#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

#include "services/crypto/totp.h"

// The second factor's arithmetic against the standards' own test vectors: RFC 4648 §10 for
// Base32, RFC 4226 appendix D for HOTP, RFC 6238 appendix B (SHA-1) for TOTP; then the window of
// one step each side, replay refusal, and the otpauth:// address.
using namespace citygrants::crypto;

namespace {
const std::string kRfcKey = "12345678901234567890";  // the secret of RFC 4226 and RFC 6238 (SHA-1)
}

BOOST_AUTO_TEST_SUITE(totp)

BOOST_AUTO_TEST_CASE(base32_matches_rfc_4648_both_ways) {
  const std::pair<std::string, std::string> vectors[] = {
      {"", ""},           {"f", "MY"},          {"fo", "MZXQ"},         {"foo", "MZXW6"},
      {"foob", "MZXW6YQ"}, {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI"}};
  for (const auto& [plain, encoded] : vectors) {
    BOOST_TEST(base32Encode(plain) == encoded);
    BOOST_TEST(base32Decode(encoded).value_or("?") == plain);
  }
  BOOST_TEST(base32Decode("MZXW6YTBOI======").value_or("?") == "foobar");
  BOOST_TEST(base32Decode("mzxw 6ytb oi").value_or("?") == "foobar", "lower case and spaces, as people type");
  BOOST_TEST(!base32Decode("MZXW6YTBO1"), "1 is not Base32");
  BOOST_TEST(!base32Decode("MZ=XW"), "nothing after padding");
  BOOST_TEST(!base32Decode("MZ7"), "trailing bits that are not zero");
  BOOST_TEST(!base32Decode("MZXW6YTBO"), "cut inside a character group");
}

BOOST_AUTO_TEST_CASE(hotp_matches_rfc_4226_appendix_d) {
  const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
  for (std::uint64_t count = 0; count < 10; ++count) BOOST_TEST(hotp(kRfcKey, count) == expected[count]);
}

BOOST_AUTO_TEST_CASE(totp_matches_rfc_6238_appendix_b_for_sha1) {
  const std::pair<std::int64_t, std::string> vectors[] = {
      {59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
      {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"}};
  for (const auto& [at, code] : vectors) BOOST_TEST(totpAt(kRfcKey, at, 8) == code);
  BOOST_TEST(totpAt(kRfcKey, 59) == "287082", "six digits are the last six of the same value");
  BOOST_TEST(totpStep(59) == 1);
  BOOST_TEST(totpStep(60) == 2);
}

BOOST_AUTO_TEST_CASE(a_code_matches_one_step_each_side_and_never_twice) {
  const std::int64_t now = 1'800'000'015;
  const auto step = totpStep(now);
  const auto before = totpAt(kRfcKey, now - 30);
  const auto current = totpAt(kRfcKey, now);
  const auto after = totpAt(kRfcKey, now + 30);
  BOOST_TEST(matchTotp(kRfcKey, current, now, std::nullopt).value_or(-1) == step);
  BOOST_TEST(matchTotp(kRfcKey, before, now, std::nullopt).value_or(-1) == step - 1);
  BOOST_TEST(matchTotp(kRfcKey, after, now, std::nullopt).value_or(-1) == step + 1);
  BOOST_TEST(!matchTotp(kRfcKey, totpAt(kRfcKey, now - 60), now, std::nullopt), "two steps old");
  BOOST_TEST(!matchTotp(kRfcKey, totpAt(kRfcKey, now + 60), now, std::nullopt), "two steps ahead");
  BOOST_TEST(!matchTotp(kRfcKey, current, now, step), "the same step again is a replay");
  BOOST_TEST(!matchTotp(kRfcKey, before, now, step), "an older step after a newer one");
  BOOST_TEST(matchTotp(kRfcKey, after, now, step).value_or(-1) == step + 1, "a later step still passes");
  BOOST_TEST(!matchTotp(kRfcKey, current.substr(1), now, std::nullopt), "five digits");
  BOOST_TEST(!matchTotp(kRfcKey, current + "0", now, std::nullopt), "seven digits");
  BOOST_TEST(!matchTotp(kRfcKey, "abcdef", now, std::nullopt));
  BOOST_TEST(!matchTotp("another key of twenty", current, now, std::nullopt), "another secret");
}

BOOST_AUTO_TEST_CASE(secrets_are_random_and_the_address_is_what_apps_read) {
  std::set<std::string> secrets;
  for (int i = 0; i < 50; ++i) secrets.insert(newTotpSecret());
  BOOST_TEST(secrets.size() == 50u);
  BOOST_TEST(secrets.begin()->size() == 20u);
  BOOST_TEST(otpauthUri("GCF citygrants", "amina.diallo@mmc.demo", kRfcKey) ==
             "otpauth://totp/GCF%20citygrants:amina.diallo%40mmc.demo?secret=" +
                 base32Encode(kRfcKey) +
                 "&issuer=GCF%20citygrants&algorithm=SHA1&digits=6&period=30");
  BOOST_TEST(base32Encode(kRfcKey) == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
}

BOOST_AUTO_TEST_SUITE_END()
