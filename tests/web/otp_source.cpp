#include "tests/web/otp_source.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "services/crypto/totp.h"

namespace citygrants::webtest {

std::optional<std::string> OtpSource::next(const std::string& email) {
  std::string secret;
  std::int64_t last_used = 0;
  {
    auto tx = db_.read();
    auto st = tx.prepared(
        "SELECT f.secret, f.last_used_step FROM second_factors f JOIN users u ON u.id = f.user_id "
        "WHERE u.email = :e AND f.confirmed_at IS NOT NULL");
    st.use(email).into(secret).into(last_used);
    const bool found = st.execute();
    tx.commit();
    if (!found) return std::nullopt;
  }
  const auto key = crypto::base32Decode(secret);
  if (!key) return std::nullopt;
  std::lock_guard lock(mu_);
  auto& handed = handed_[email];
  for (;;) {
    const auto now_s = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
    const auto step = crypto::totpStep(now_s);
    // The step before now only while the server cannot have moved two steps past it.
    const auto earliest = now_s % crypto::kTotpStepSeconds < 25 ? step - 1 : step;
    const auto s = std::max({earliest, last_used + 1, handed + 1});
    if (s <= step + 1) {
      handed = s;
      return crypto::hotp(*key, static_cast<std::uint64_t>(s));
    }
    // Every step the server would accept now is used: wait until step s - 1 begins.
    const auto wait_s = (s - 1) * crypto::kTotpStepSeconds - now_s;
    std::this_thread::sleep_for(std::chrono::milliseconds(std::max<std::int64_t>(wait_s, 0) * 1000 + 200));
  }
}

}  // namespace citygrants::webtest
