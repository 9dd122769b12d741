#include "services/stores/call_text_store.h"

#include <algorithm>

namespace citygrants::stores {
namespace {

void insertCallText(db::Tx& tx, std::int64_t call_id, const i18n::Translation& t) {
  tx.sql() << "INSERT INTO call_texts (call_id, field, language, text) "
              "VALUES (:c, :f, :l, :t)",
      soci::use(call_id), soci::use(t.field), soci::use(t.language), soci::use(t.text);
}

void insertCriterionText(db::Tx& tx, std::int64_t criterion_id, const i18n::Translation& t) {
  tx.sql() << "INSERT INTO criterion_texts (criterion_id, field, language, text) "
              "VALUES (:c, :f, :l, :t)",
      soci::use(criterion_id), soci::use(t.field), soci::use(t.language), soci::use(t.text);
}

}  // namespace

void CallTextStore::load(db::Tx& tx, records::Call& call) {
  i18n::Translation t;
  auto own = tx.prepared(
      "SELECT language, field, text FROM call_texts WHERE call_id = :id ORDER BY language, field");
  own.use(call.id).into(t.language).into(t.field).into(t.text);
  for (bool row = own.execute(); row; row = own.fetch()) call.translations.push_back(t);

  std::int64_t criterion_id = 0;
  auto crit = tx.prepared(
      "SELECT t.criterion_id, t.language, t.field, t.text FROM criterion_texts t "
      "JOIN criteria c ON c.id = t.criterion_id WHERE c.call_id = :id "
      "ORDER BY t.criterion_id, t.language, t.field");
  crit.use(call.id).into(criterion_id).into(t.language).into(t.field).into(t.text);
  for (bool row = crit.execute(); row; row = crit.fetch()) {
    auto c = std::find_if(call.criteria.begin(), call.criteria.end(),
                          [&](const auto& x) { return x.id == criterion_id; });
    if (c != call.criteria.end()) c->translations.push_back(t);
  }
}

void CallTextStore::insert(db::Tx& tx, const records::Call& call) {
  for (const auto& t : call.translations) insertCallText(tx, call.id, t);
  for (const auto& c : call.criteria) {
    for (const auto& t : c.translations) insertCriterionText(tx, c.id, t);
  }
}

void CallTextStore::replace(db::Tx& tx, const records::Call& call) {
  auto& sql = tx.sql();
  sql << "UPDATE calls SET title = :t, description = :d WHERE id = :id", soci::use(call.title),
      soci::use(call.description), soci::use(call.id);
  for (const auto& c : call.criteria) {
    sql << "UPDATE criteria SET name = :n, guidance = :g WHERE id = :id AND call_id = :c",
        soci::use(c.name), soci::use(c.guidance), soci::use(c.id), soci::use(call.id);
  }
  sql << "DELETE FROM criterion_texts WHERE criterion_id IN "
         "(SELECT id FROM criteria WHERE call_id = :c)",
      soci::use(call.id);
  sql << "DELETE FROM call_texts WHERE call_id = :c", soci::use(call.id);
  insert(tx, call);
}

}  // namespace citygrants::stores
