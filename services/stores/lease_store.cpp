#include "services/stores/lease_store.h"

namespace citygrants::stores {

bool LeaseStore::take(db::Tx& tx, const std::string& name, const std::string& holder,
                      std::int64_t now, std::int64_t until) {
  soci::statement renew =
      (tx.sql().prepare << "UPDATE scheduler_lease SET holder = :h, expires_at = :u "
                           "WHERE name = :n AND (holder = :h2 OR expires_at <= :now)",
       soci::use(holder), soci::use(until), soci::use(name), soci::use(holder), soci::use(now));
  renew.execute(true);
  if (renew.get_affected_rows() == 1) return true;
  long long rows = 0;
  tx.sql() << "SELECT COUNT(*) FROM scheduler_lease WHERE name = :n", soci::use(name),
      soci::into(rows);
  if (rows > 0) return false;  // held by another, not expired
  tx.sql() << "INSERT INTO scheduler_lease (name, holder, expires_at) VALUES (:n, :h, :u)",
      soci::use(name), soci::use(holder), soci::use(until);
  return true;
}

void LeaseStore::release(db::Tx& tx, const std::string& name, const std::string& holder) {
  tx.sql() << "UPDATE scheduler_lease SET expires_at = 0 WHERE name = :n AND holder = :h",
      soci::use(name), soci::use(holder);
}

std::string LeaseStore::holder(db::Tx& tx, const std::string& name, std::int64_t now) {
  std::string who;
  soci::indicator ind = soci::i_null;
  tx.sql() << "SELECT holder FROM scheduler_lease WHERE name = :n AND expires_at > :now",
      soci::use(name), soci::use(now), soci::into(who, ind);
  return tx.sql().got_data() && ind == soci::i_ok ? who : std::string();
}

}  // namespace citygrants::stores
