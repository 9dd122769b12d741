#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include <boost/test/unit_test.hpp>

#include "modules/core/problem.h"
#include "services/auth/password.h"
#include "services/auth/session_service.h"
#include "services/crypto/digest.h"
#include "services/stores/directory_store.h"
#include "services/stores/session_store.h"
#include "tests/services/fixture.h"

// Helpers of the account administration tests (user_admin_test.cpp, second_factor_reset_test.cpp):
// sessions, tokens and second factors of a user as sign-in and enrolment write them.
namespace citygrants::testing {

inline constexpr const char* kAdminTestPassword = "the-first-password";

inline bool refusedAs(core::ProblemKind kind, const std::function<void()>& call) {
  try {
    call();
  } catch (const core::Problem& p) {
    return p.kind() == kind;
  }
  return false;
}

// The first field a refusal names, "" when none (or when nothing was refused).
inline std::string refusedField(const std::function<void()>& call) {
  try {
    call();
  } catch (const core::Problem& p) {
    return p.fields().empty() ? "" : p.fields().front().field;
  }
  return "";
}

inline stores::User userRow(Fund& f, std::int64_t user_id) {
  auto tx = f.ctx.db.read();
  auto user = stores::DirectoryStore::findUser(tx, user_id);
  tx.commit();
  return *user;
}

// A session of `user_id` with `token`, as sign-in writes it; valid for an hour.
inline void addSession(Fund& f, std::int64_t user_id, const std::string& token) {
  const auto now = f.clock.nowMs();
  f.ctx.db.write([&](db::Tx& tx) {
    stores::SessionStore::insertSession(
        tx, {0, crypto::sha256Hex(token), user_id, "csrf", now, now, now + 3'600'000});
    tx.commit();
  });
}

inline std::int64_t count(Fund& f, const std::string& sql, std::int64_t id) {
  std::int64_t n = 0;
  auto tx = f.ctx.db.read();
  tx.sql() << sql, soci::use(id), soci::into(n);
  tx.commit();
  return n;
}

// A confirmed second factor and two recovery codes, as enrolment leaves them.
inline void enrol(Fund& f, std::int64_t user_id) {
  const auto now = f.clock.nowMs();
  f.ctx.db.write([&](db::Tx& tx) {
    tx.sql() << "INSERT INTO second_factors (user_id, secret, created_at, confirmed_at) "
                "VALUES (:u, 'JBSWY3DPEHPK3PXP', :now, :now2)",
        soci::use(user_id), soci::use(now), soci::use(now);
    for (const std::string code : {"code-1", "code-2"}) {
      const auto hash = crypto::sha256Hex(code + std::to_string(user_id));
      tx.sql() << "INSERT INTO recovery_codes (user_id, code_hash) VALUES (:u, :h)",
          soci::use(user_id), soci::use(hash);
    }
    tx.commit();
  });
}

inline void givePassword(Fund& f, std::int64_t user_id) {
  const auto hash = auth::hashPassword(kAdminTestPassword, auth::HashCost::kFast);
  f.ctx.db.write([&](db::Tx& tx) {
    stores::DirectoryStore::updatePassword(tx, user_id, hash);
    tx.commit();
  });
}

}  // namespace citygrants::testing
