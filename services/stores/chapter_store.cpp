#include "services/stores/chapter_store.h"

#include "services/stores/sql_util.h"

namespace citygrants::stores {
namespace {

constexpr const char* kColumns =
    "id, donor_org_id, code, name, theme, currency, committed_minor, version";

void bind(db::Prepared& st, Chapter& c) {
  st.into(c.id).into(c.donor_org_id).into(c.code).into(c.name).into(c.theme).into(c.currency);
  st.into(c.committed_minor).into(c.version);
}

}  // namespace

std::int64_t ChapterStore::insert(db::Tx& tx, const Chapter& c, std::int64_t now) {
  std::int64_t id = 0;
  auto st = tx.prepared(
      "INSERT INTO chapters (donor_org_id, code, name, theme, currency, committed_minor, "
      "created_at, updated_at) VALUES (:d, :c, :n, :t, :cur, :m, :now, :now2) RETURNING id");
  st.use(c.donor_org_id).use(c.code).use(c.name).use(c.theme).use(c.currency);
  st.use(c.committed_minor).use(now).use(now).into(id);
  st.execute();
  return id;
}

void ChapterStore::update(db::Tx& tx, const Chapter& c, std::int64_t now) {
  auto st = tx.prepared(
      "UPDATE chapters SET name = :n, theme = :t, committed_minor = :m, updated_at = :now, "
      "version = version + 1 WHERE id = :id AND version = :v");
  st.use(c.name).use(c.theme).use(c.committed_minor).use(now).use(c.id).use(c.version);
  executeVersioned(st, "chapter");
}

std::optional<Chapter> ChapterStore::load(db::Tx& tx, std::int64_t id) {
  Chapter c;
  auto st = tx.prepared(std::string("SELECT ") + kColumns + " FROM chapters WHERE id = :id");
  st.use(id);
  bind(st, c);
  if (!st.execute()) return std::nullopt;
  return c;
}

bool ChapterStore::codeTaken(db::Tx& tx, const std::string& code) {
  return !idList(tx.sql(), "SELECT id FROM chapters WHERE code = :c", code).empty();
}

std::vector<Chapter> ChapterStore::all(db::Tx& tx) {
  std::vector<Chapter> out;
  Chapter c;
  auto st = tx.prepared(std::string("SELECT ") + kColumns + " FROM chapters ORDER BY id");
  bind(st, c);
  for (bool more = st.execute(); more; more = st.fetch()) out.push_back(c);
  return out;
}

std::vector<std::int64_t> ChapterStore::ofCall(db::Tx& tx, std::int64_t call_id) {
  return idList(tx.sql(), "SELECT chapter_id FROM call_chapters WHERE call_id = :c ORDER BY seq",
                call_id);
}

void ChapterStore::replaceForCall(db::Tx& tx, std::int64_t call_id,
                                  const std::vector<std::int64_t>& ids) {
  {
    auto st = tx.prepared("DELETE FROM call_chapters WHERE call_id = :c");
    st.use(call_id);
    st.execute();
  }
  int seq = 0;
  for (const auto id : ids) {
    ++seq;
    auto st = tx.prepared("INSERT INTO call_chapters (call_id, chapter_id, seq) VALUES (:c, :ch, :s)");
    st.use(call_id).use(id).use(seq);
    st.execute();
  }
}

std::vector<results::ChapterRoom> ChapterStore::roomsForCall(db::Tx& tx, std::int64_t call_id,
                                                             std::int64_t except_grant) {
  std::vector<results::ChapterRoom> out;
  results::ChapterRoom r;
  auto st = tx.prepared(
      "SELECT ch.id, ch.committed_minor, (SELECT COALESCE(SUM(a.amount_minor), 0) FROM "
      "grant_allocations a WHERE a.chapter_id = ch.id AND a.grant_id <> :g) FROM call_chapters cc "
      "JOIN chapters ch ON ch.id = cc.chapter_id WHERE cc.call_id = :c ORDER BY cc.seq");
  st.use(except_grant).use(call_id).into(r.chapter_id).into(r.committed_minor);
  st.into(r.allocated_elsewhere_minor);
  for (bool more = st.execute(); more; more = st.fetch()) out.push_back(r);
  return out;
}

bool ChapterStore::holdsGrantsOfCall(db::Tx& tx, std::int64_t chapter_id, std::int64_t call_id) {
  int n = 0;
  auto st = tx.prepared(
      "SELECT COUNT(*) FROM grant_allocations a JOIN grants g ON g.id = a.grant_id WHERE "
      "a.chapter_id = :ch AND g.call_id = :c");
  st.use(chapter_id).use(call_id).into(n);
  st.execute();
  return n > 0;
}

std::int64_t ChapterStore::allocatedOf(db::Tx& tx, std::int64_t chapter_id) {
  return scalarInt(tx.sql(),
                   "SELECT COALESCE(SUM(amount_minor), 0) FROM grant_allocations WHERE chapter_id = :c",
                   chapter_id);
}

std::vector<results::Allocation> ChapterStore::allocationsOf(db::Tx& tx, std::int64_t grant_id) {
  std::vector<results::Allocation> out;
  results::Allocation a;
  auto st = tx.prepared(
      "SELECT chapter_id, amount_minor FROM grant_allocations WHERE grant_id = :g ORDER BY seq");
  st.use(grant_id).into(a.chapter_id).into(a.amount_minor);
  for (bool more = st.execute(); more; more = st.fetch()) out.push_back(a);
  return out;
}

void ChapterStore::replaceAllocations(db::Tx& tx, std::int64_t grant_id,
                                      const std::vector<results::Allocation>& allocations) {
  {
    auto st = tx.prepared("DELETE FROM grant_allocations WHERE grant_id = :g");
    st.use(grant_id);
    st.execute();
  }
  int seq = 0;
  for (const auto& a : allocations) {
    ++seq;
    auto st = tx.prepared(
        "INSERT INTO grant_allocations (grant_id, chapter_id, seq, amount_minor) "
        "VALUES (:g, :c, :s, :a)");
    st.use(grant_id).use(a.chapter_id).use(seq).use(a.amount_minor);
    st.execute();
  }
}

std::vector<AllocationRow> ChapterStore::allocationRows(db::Tx& tx,
                                                       std::optional<std::int64_t> grant_id) {
  std::vector<AllocationRow> out;
  AllocationRow r;
  // -1: every grant (ids are positive)
  const std::int64_t only = grant_id.value_or(-1);
  auto st = tx.prepared(
      "SELECT a.grant_id, a.chapter_id, ch.name, ch.donor_org_id, o.name, a.amount_minor FROM "
      "grant_allocations a JOIN chapters ch ON ch.id = a.chapter_id JOIN organisations o ON o.id "
      "= ch.donor_org_id WHERE (:g1 = -1 OR a.grant_id = :g2) ORDER BY a.grant_id, a.seq");
  st.use(only).use(only);
  st.into(r.grant_id).into(r.chapter_id).into(r.chapter_name).into(r.donor_org_id);
  st.into(r.donor_name).into(r.amount_minor);
  for (bool more = st.execute(); more; more = st.fetch()) out.push_back(r);
  return out;
}

std::vector<Disbursement> ChapterStore::disbursements(db::Tx& tx,
                                                     std::optional<std::int64_t> grant_id) {
  std::vector<Disbursement> out;
  Disbursement d;
  const std::int64_t only = grant_id.value_or(-1);  // -1: every grant
  auto st = tx.prepared(
      "SELECT grant_id, amount_minor FROM tranches WHERE state = 'disbursed' AND "
      "(:g1 = -1 OR grant_id = :g2) ORDER BY id");
  st.use(only).use(only);
  st.into(d.grant_id).into(d.amount_minor);
  for (bool more = st.execute(); more; more = st.fetch()) out.push_back(d);
  return out;
}

}  // namespace citygrants::stores
