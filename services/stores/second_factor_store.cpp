#include "services/stores/second_factor_store.h"

namespace citygrants::stores {

std::optional<SecondFactor> SecondFactorStore::find(db::Tx& tx, std::int64_t user_id) {
  SecondFactor f;
  auto st = tx.prepared(
      "SELECT user_id, secret, created_at, confirmed_at, last_used_step FROM second_factors "
      "WHERE user_id = :u");
  st.use(user_id).into(f.user_id).into(f.secret).into(f.created_at).into(f.confirmed_at);
  st.into(f.last_used_step);
  if (!st.execute()) return std::nullopt;
  return f;
}

bool SecondFactorStore::confirmed(db::Tx& tx, std::int64_t user_id) {
  std::int64_t n = 0;
  auto st = tx.prepared(
      "SELECT COUNT(*) FROM second_factors WHERE user_id = :u AND confirmed_at IS NOT NULL");
  st.use(user_id).into(n);
  st.execute();
  return n > 0;
}

void SecondFactorStore::startEnrolment(db::Tx& tx, std::int64_t user_id, const std::string& secret,
                                       std::int64_t now) {
  auto drop = tx.prepared("DELETE FROM second_factors WHERE user_id = :u AND confirmed_at IS NULL");
  drop.use(user_id);
  drop.execute();
  auto st = tx.prepared(
      "INSERT INTO second_factors (user_id, secret, created_at) VALUES (:u, :s, :now)");
  st.use(user_id).use(secret).use(now);
  st.execute();
}

void SecondFactorStore::confirm(db::Tx& tx, std::int64_t user_id, std::int64_t step,
                                std::int64_t now) {
  auto st = tx.prepared(
      "UPDATE second_factors SET confirmed_at = :now, last_used_step = :s WHERE user_id = :u");
  st.use(now).use(step).use(user_id);
  st.execute();
}

bool SecondFactorStore::useStep(db::Tx& tx, std::int64_t user_id, std::int64_t step) {
  auto st = tx.prepared(
      "UPDATE second_factors SET last_used_step = :s WHERE user_id = :u AND last_used_step < :s2");
  st.use(step).use(user_id).use(step);
  st.execute();
  return st.affectedRows() == 1;
}

void SecondFactorStore::remove(db::Tx& tx, std::int64_t user_id) {
  deleteRecoveryCodes(tx, user_id);
  auto st = tx.prepared("DELETE FROM second_factors WHERE user_id = :u");
  st.use(user_id);
  st.execute();
}

void SecondFactorStore::addRecoveryCode(db::Tx& tx, std::int64_t user_id,
                                        const std::string& code_hash) {
  auto st = tx.prepared("INSERT INTO recovery_codes (user_id, code_hash) VALUES (:u, :h)");
  st.use(user_id).use(code_hash);
  st.execute();
}

std::vector<std::pair<std::int64_t, std::string>> SecondFactorStore::unusedRecoveryCodes(
    db::Tx& tx, std::int64_t user_id) {
  std::vector<std::pair<std::int64_t, std::string>> out;
  std::int64_t id = 0;
  std::string hash;
  auto st = tx.prepared(
      "SELECT id, code_hash FROM recovery_codes WHERE user_id = :u AND used_at IS NULL ORDER BY id");
  st.use(user_id).into(id).into(hash);
  for (bool row = st.execute(); row; row = st.fetch()) out.emplace_back(id, hash);
  return out;
}

bool SecondFactorStore::useRecoveryCode(db::Tx& tx, std::int64_t id, std::int64_t now) {
  auto st = tx.prepared("UPDATE recovery_codes SET used_at = :now WHERE id = :id AND used_at IS NULL");
  st.use(now).use(id);
  st.execute();
  return st.affectedRows() == 1;
}

std::int64_t SecondFactorStore::recoveryCodesLeft(db::Tx& tx, std::int64_t user_id) {
  std::int64_t n = 0;
  auto st = tx.prepared(
      "SELECT COUNT(*) FROM recovery_codes WHERE user_id = :u AND used_at IS NULL");
  st.use(user_id).into(n);
  st.execute();
  return n;
}

void SecondFactorStore::deleteRecoveryCodes(db::Tx& tx, std::int64_t user_id) {
  auto st = tx.prepared("DELETE FROM recovery_codes WHERE user_id = :u");
  st.use(user_id);
  st.execute();
}

}  // namespace citygrants::stores
