#include "services/stores/publisher_store.h"

#include <stdexcept>

#include "services/db/optional_soci.h"
#include "services/stores/sql_util.h"

namespace citygrants::stores {

Publisher PublisherStore::load(db::Tx& tx) {
  Publisher p;
  auto st = tx.prepared(
      "SELECT p.giving_prefix, p.iati_ref, p.updated_at, p.version, o.id, o.name, o.identifier "
      "FROM publisher p LEFT JOIN organisations o ON o.id = COALESCE(p.fund_org_id, "
      "(SELECT MIN(id) FROM organisations WHERE kind = 'fund')) WHERE p.id = 1");
  std::optional<std::string> name, identifier;  // none without a fund organisation
  st.into(p.giving_prefix).into(p.iati_ref).into(p.updated_at).into(p.version).into(p.fund_org_id);
  st.into(name).into(identifier);
  if (!st.execute()) throw std::logic_error("the publisher row is missing (migration 0008)");
  p.fund_name = name.value_or("");
  p.fund_identifier = identifier.value_or("");
  return p;
}

void PublisherStore::update(db::Tx& tx, const Publisher& p, std::int64_t now) {
  auto st = tx.prepared(
      "UPDATE publisher SET fund_org_id = :fund, giving_prefix = :prefix, iati_ref = :ref, "
      "updated_at = :now, version = version + 1 WHERE id = 1 AND version = :v");
  st.use(p.fund_org_id).use(p.giving_prefix).use(p.iati_ref).use(now).use(p.version);
  executeVersioned(st, "publisher");
}

std::int64_t PublisherStore::publishedGrants(db::Tx& tx) {
  std::int64_t n = 0;
  auto st = tx.prepared("SELECT COUNT(*) FROM grants WHERE publishable = 1");
  st.into(n);
  st.execute();
  return n;
}

}  // namespace citygrants::stores
