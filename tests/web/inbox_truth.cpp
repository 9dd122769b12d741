#include "tests/web/inbox_truth.h"

#include <algorithm>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include "services/crypto/digest.h"

namespace citygrants::webtest {
namespace {

struct Param {
  std::string name;
  std::int64_t value = 0;
};

// Adds "kind#id" for every row of `sql`, which selects a kind and an id. Each parameter is named
// once in `sql` (PostgreSQL binds a repeated name once only).
void collect(db::Database& db, const std::string& sql, const std::vector<Param>& params,
             InboxKeys& out) {
  auto tx = db.read();
  soci::statement st(tx.sql());
  std::vector<std::int64_t> values;
  values.reserve(params.size());
  for (const auto& p : params) {
    values.push_back(p.value);
    st.exchange(soci::use(values.back(), p.name));
  }
  std::string kind;
  std::int64_t id = 0;
  st.exchange(soci::into(kind));
  st.exchange(soci::into(id));
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) out.insert(kind + "#" + std::to_string(id));
  tx.commit();
}

bool has(const Reader& r, const std::string& role) {
  return std::find(r.roles.begin(), r.roles.end(), role) != r.roles.end();
}

void cityTruth(db::Database& db, std::int64_t org, std::int64_t now, InboxKeys& out) {
  collect(db,
          "SELECT 'proposal.' || p.state, p.id FROM proposals p JOIN calls c ON c.id = p.call_id "
          "WHERE p.city_org_id = :org1 AND p.state IN ('concept_draft', 'draft') "
          "AND c.state = 'open' AND c.closes_at > :now1 "
          "UNION ALL SELECT 'proposal.revision_requested', p.id FROM proposals p "
          "WHERE p.city_org_id = :org2 AND p.state = 'revision_requested' "
          "UNION ALL SELECT 'grant.pending_agreement', g.id FROM grants g "
          "WHERE g.city_org_id = :org3 AND g.state = 'pending_agreement'",
          {{"org1", org}, {"now1", now}, {"org2", org}, {"org3", org}}, out);
  // A tranche may be requested once the grant runs, the one before it is paid (or cancelled),
  // the report it waits for is accepted, and no report of the grant is overdue.
  collect(db,
          "SELECT 'tranche.scheduled', t.id FROM tranches t JOIN grants g ON g.id = t.grant_id "
          "WHERE g.city_org_id = :org AND t.state = 'scheduled' AND g.state = 'active' "
          "AND (t.seq = 1 OR EXISTS (SELECT 1 FROM tranches pt WHERE pt.grant_id = t.grant_id "
          "AND pt.seq = t.seq - 1 AND pt.state IN ('disbursed', 'cancelled'))) "
          "AND (t.report_id IS NULL OR EXISTS (SELECT 1 FROM reports a WHERE a.id = t.report_id "
          "AND a.state = 'accepted')) "
          "AND NOT EXISTS (SELECT 1 FROM reports od WHERE od.grant_id = t.grant_id "
          "AND od.state = 'draft' AND od.due_at < :now)",
          {{"org", org}, {"now", now}}, out);
  // Reports are due while the grant runs: the overdue ones and the grant's next.
  collect(db,
          "SELECT 'report.draft', r.id FROM reports r JOIN grants g ON g.id = r.grant_id "
          "WHERE g.city_org_id = :org AND r.state = 'draft' AND g.state IN ('active', 'suspended') "
          "AND (r.due_at < :now OR r.due_at = (SELECT MIN(d.due_at) FROM reports d "
          "WHERE d.grant_id = r.grant_id AND d.state = 'draft'))",
          {{"org", org}, {"now", now}}, out);
}

void partnerTruth(db::Database& db, std::int64_t org, InboxKeys& out) {
  collect(db,
          "SELECT 'review_assignment.' || a.state, a.id FROM review_assignments a "
          "JOIN proposals p ON p.id = a.proposal_id WHERE a.partner_org_id = :org1 "
          "AND a.state IN ('assigned', 'in_progress') AND p.state IN ('screening', 'in_review') "
          "UNION ALL SELECT 'tranche.requested', t.id FROM tranches t "
          "JOIN grants g ON g.id = t.grant_id WHERE g.supporting_org_id = :org2 "
          "AND t.state = 'requested' "
          "UNION ALL SELECT 'report.submitted', r.id FROM reports r "
          "JOIN grants g ON g.id = r.grant_id WHERE g.supporting_org_id = :org3 "
          "AND r.state = 'submitted'",
          {{"org1", org}, {"org2", org}, {"org3", org}}, out);
}

void fundTruth(db::Database& db, std::int64_t now, InboxKeys& out) {
  collect(
      db,
      "SELECT 'proposal.' || p.state, p.id FROM proposals p "
      "WHERE p.state IN ('concept_submitted', 'submitted', 'screening', 'reviewed') "
      // Reviews to close: every live review of the current version settled, one submitted.
      "UNION ALL SELECT 'proposal.in_review', p.id FROM proposals p WHERE p.state = 'in_review' "
      "AND EXISTS (SELECT 1 FROM review_assignments a WHERE a.proposal_id = p.id "
      "AND a.version_number = p.current_version AND a.state = 'submitted') "
      "AND NOT EXISTS (SELECT 1 FROM review_assignments b WHERE b.proposal_id = p.id "
      "AND b.version_number = p.current_version "
      "AND b.state NOT IN ('submitted', 'declined', 'cancelled')) "
      // Awards for a second fund manager, while the call's budget still has room for them.
      "UNION ALL SELECT 'proposal.award_proposed', p.id FROM proposals p "
      "JOIN calls c ON c.id = p.call_id WHERE p.state = 'award_proposed' AND p.award_minor > 0 "
      "AND p.award_minor <= c.budget_minor - (SELECT COALESCE(SUM(s.amount_minor), 0) "
      "FROM grants s WHERE s.call_id = p.call_id) "
      "UNION ALL SELECT 'grant.active', g.id FROM grants g WHERE g.state = 'active' "
      "AND NOT EXISTS (SELECT 1 FROM tranches t WHERE t.grant_id = g.id "
      "AND t.state NOT IN ('disbursed', 'cancelled')) "
      "AND EXISTS (SELECT 1 FROM reports f WHERE f.grant_id = g.id AND f.kind = 'final' "
      "AND f.state = 'accepted') "
      "UNION ALL SELECT 'grant.completed', g.id FROM grants g WHERE g.state = 'completed' "
      "UNION ALL SELECT 'tranche.' || t.state, t.id FROM tranches t "
      "WHERE t.state IN ('verified', 'approved') "
      "UNION ALL SELECT 'report.overdue', r.id FROM reports r JOIN grants g ON g.id = r.grant_id "
      "WHERE r.state = 'draft' AND g.state IN ('active', 'suspended') AND r.due_at < :now",
      {{"now", now}}, out);
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

void adminTruth(db::Database& db, std::int64_t now, InboxKeys& out) {
  collect(db,
          "SELECT 'user.locked', u.id FROM users u WHERE u.locked_until > :now "
          "UNION ALL SELECT 'mail.failed', m.id FROM outbox_mail m "
          "WHERE m.sent_at IS NULL AND m.last_error IS NOT NULL",
          {{"now", now}}, out);
  // Sign-ins refused after repeated failures are counted per digest of the lower-cased email.
  auto tx = db.read();
  std::set<std::string> locked;
  {
    std::string digest;
    soci::statement st = (tx.sql().prepare << "SELECT email_hash FROM login_attempts "
                                              "WHERE locked_until > :now",
                          soci::use(now, "now"), soci::into(digest));
    st.execute();
    while (st.fetch()) locked.insert(digest);
  }
  std::int64_t id = 0;
  std::string email;
  soci::statement st =
      (tx.sql().prepare << "SELECT id, email FROM users", soci::into(id), soci::into(email));
  st.execute();
  while (st.fetch()) {
    if (locked.count(crypto::sha256Hex(lower(email))) != 0)
      out.insert("user.locked#" + std::to_string(id));
  }
  tx.commit();
}

// Threads whose latest shared message waits for the reader's side: the city's (for fund
// managers, `city_org` 0) or the fund's and partners' (for the city `city_org`).
void threadTruth(db::Database& db, bool fund, std::int64_t city_org, InboxKeys& out) {
  const std::string kind = fund ? "'message.from_city'" : "'message.from_fund'";
  const std::string side = fund ? "m.author_side = 'city'" : "m.author_side <> 'city'";
  const auto latest = [](const char* column) {
    return std::string("m.id IN (SELECT MAX(id) FROM messages WHERE visibility = 'shared' AND ") +
           column + " IS NOT NULL GROUP BY " + column + ")";
  };
  collect(db,
          "SELECT " + kind + ", p.id FROM messages m JOIN proposals p ON p.id = m.proposal_id "
          "WHERE " + latest("proposal_id") + " AND " + side +
              (fund ? "" : " AND p.city_org_id = :org1") +
              " UNION ALL SELECT " + kind + ", g.id FROM messages m JOIN grants g ON g.id = m.grant_id "
              "WHERE " + latest("grant_id") + " AND " + side + (fund ? "" : " AND g.city_org_id = :org2"),
          fund ? std::vector<Param>{} : std::vector<Param>{{"org1", city_org}, {"org2", city_org}},
          out);
}

}  // namespace

Reader readerOf(db::Database& db, const std::string& email) {
  Reader r;
  auto tx = db.read();
  tx.sql() << "SELECT id, org_id FROM users WHERE email = :e", soci::use(email, "e"),
      soci::into(r.user_id), soci::into(r.org_id);
  std::string role;
  soci::statement st = (tx.sql().prepare << "SELECT role FROM role_grants WHERE user_id = :u",
                        soci::use(r.user_id, "u"), soci::into(role));
  st.execute();
  while (st.fetch()) r.roles.push_back(role);
  tx.commit();
  BOOST_REQUIRE_MESSAGE(r.user_id != 0, "no user " << email);
  return r;
}

InboxKeys truthFor(db::Database& db, const Reader& reader, std::int64_t now) {
  InboxKeys out;
  if (has(reader, "applicant")) {
    cityTruth(db, reader.org_id, now, out);
    threadTruth(db, false, reader.org_id, out);
  }
  if (has(reader, "partner")) partnerTruth(db, reader.org_id, out);
  if (has(reader, "fund_manager")) {
    fundTruth(db, now, out);
    threadTruth(db, true, 0, out);
  }
  if (has(reader, "admin")) adminTruth(db, now, out);
  if (has(reader, "auditor")) {
    const auto seq = queryInt(db, "SELECT last_seq FROM audit_head");
    out.insert("audit.verification#" + std::to_string(seq.value_or(0)));
  }
  return out;
}

InboxKeys keysOf(const Poco::JSON::Object::Ptr& inbox) {
  InboxKeys out;
  const auto items = inbox->getArray("items");
  for (std::size_t i = 0; i < items->size(); ++i) {
    const auto item = items->getObject(static_cast<unsigned>(i));
    out.insert(item->getValue<std::string>("kind") + "#" +
               std::to_string(item->getObject("record")->getValue<std::int64_t>("id")));
  }
  return out;
}

}  // namespace citygrants::webtest
