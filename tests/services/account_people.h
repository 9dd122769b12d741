#pragma once

#include <cstdint>
#include <string>

#include "services/auth/password.h"
#include "services/stores/directory_store.h"
#include "tests/services/fixture.h"

// The people of a test fund as the account tests sign them in: their email, and a password of
// the test's choosing (hashed cheaply: these tests create many).
namespace citygrants::testing {

inline std::string emailOf(Fund& f, std::int64_t user_id) {
  auto tx = f.ctx.db.read();
  auto user = stores::DirectoryStore::findUser(tx, user_id);
  tx.commit();
  return user->email;
}

inline void givePassword(Fund& f, std::int64_t user_id, const std::string& password) {
  const auto hash = auth::hashPassword(password, auth::HashCost::kFast);
  f.ctx.db.write([&](db::Tx& tx) {
    stores::DirectoryStore::updatePassword(tx, user_id, hash);
    tx.commit();
  });
}

}  // namespace citygrants::testing
