#include "tests/services/fixture.h"

#include <cstdlib>
#include <filesystem>

#include "services/db/migrator.h"
#include "services/stores/directory_store.h"
#include "services/stores/grant_store.h"
#include "services/stores/review_store.h"
#include "services/stores/search_store.h"
#include "services/usecases/call_service.h"
#include "services/usecases/funding_service.h"
#include "services/usecases/proposal_service.h"

namespace citygrants::testing {
namespace {

access::Actor insertUser(db::Tx& tx, std::int64_t org, const std::string& email, access::Role role,
                         std::int64_t now) {
  stores::User u;
  u.org_id = org;
  u.email = email;
  u.name = email;
  u.password_hash = "not-a-real-hash";
  u.id = stores::DirectoryStore::insertUser(tx, u, now);
  stores::DirectoryStore::grantRole(tx, u.id, role, std::nullopt, now);
  // As a session that has just proved its second factor: the use cases' own rules are under
  // test here; step-up is refused where it is (step_up_test.cpp, tests/web).
  return access::Actor{u.id, org, access::RoleSet(role), true};
}

std::int64_t insertOrg(db::Tx& tx, access::OrgKind kind, const std::string& name,
                       std::int64_t now) {
  stores::Organisation o;
  o.kind = kind;
  o.name = name;
  const auto id = stores::DirectoryStore::insertOrganisation(tx, o, now);
  // In the search index, as DirectoryService::addOrganisation puts it there.
  stores::SearchIndex::reindex(tx, stores::SearchIndex::Kind::kOrganisation, id);
  return id;
}

}  // namespace

TestDb::TestDb(const std::string& name, std::size_t pool_size)
    : scratch(std::make_unique<ScratchDatabase>(name)), where(scratch->where()), path(scratch->path()) {
  db = std::make_unique<db::Database>(db::parseConnectionString(where),
                                      db::Database::Options{pool_size, true});
  db::migrate(*db);
}

TestDb::~TestDb() { db.reset(); }

void injectFault(db::Database& db, const std::string& table, const std::string& when,
                 const std::string& message) {
  if (db.dialect() == db::Dialect::kSqlite) {
    exec(db, "CREATE TRIGGER inject_fault_" + table + " BEFORE INSERT ON " + table +
                 (when.empty() ? "" : " WHEN " + when) + " BEGIN SELECT RAISE(ABORT, '" + message + "'); END");
    return;
  }
  exec(db, "CREATE FUNCTION inject_fault_" + table + "() RETURNS trigger LANGUAGE plpgsql AS "
           "$$ BEGIN RAISE EXCEPTION '" + message + "'; END $$");
  exec(db, "CREATE TRIGGER inject_fault_" + table + " BEFORE INSERT ON " + table + " FOR EACH ROW " +
               (when.empty() ? "" : "WHEN (" + when + ") ") + "EXECUTE FUNCTION inject_fault_" + table + "()");
}

void clearFault(db::Database& db, const std::string& table) {
  if (db.dialect() == db::Dialect::kSqlite) {
    exec(db, "DROP TRIGGER inject_fault_" + table);
    return;
  }
  exec(db, "DROP TRIGGER inject_fault_" + table + " ON " + table);
  exec(db, "DROP FUNCTION inject_fault_" + table + "()");
}

boost::test_tools::assertion_result sqliteOnly(boost::unit_test::test_unit_id) {
  boost::test_tools::assertion_result ok(!onPostgres());
  ok.message() << "a test of SQLite's own machinery: it runs in the SQLite pass";
  return ok;
}

boost::test_tools::assertion_result postgresOnly(boost::unit_test::test_unit_id) {
  boost::test_tools::assertion_result ok(onPostgres());
  ok.message() << "a test of PostgreSQL's writer: it runs in the PostgreSQL pass";
  return ok;
}

void exec(db::Database& db, const std::string& sql) {
  db.write([&](db::Tx& tx) {
    tx.sql() << sql;
    tx.commit();
  });
}

void replacePlannerStatistics(db::Tx& tx, std::span<const char* const> rows) {
  tx.sql() << "ANALYZE proposals";  // creates sqlite_stat1
  tx.sql() << "DELETE FROM sqlite_stat1";
  for (const char* row : rows) {
    tx.sql() << std::string("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ") + row;
  }
}

std::int64_t auditHead(db::Database& db) {
  auto tx = db.read();
  std::int64_t seq = 0;
  tx.sql() << "SELECT last_seq FROM audit_head WHERE id = 1", soci::into(seq);
  tx.commit();
  return seq;
}

std::int64_t auditRows(db::Database& db, const std::string& entity) {
  auto tx = db.read();
  std::int64_t n = 0;
  tx.sql() << "SELECT COUNT(*) FROM audit_events WHERE entity = :e", soci::use(entity), soci::into(n);
  tx.commit();
  return n;
}

Fund::Fund(const std::string& name, CallTerms terms)
    : test_db(name), clock(kStart), ctx{*test_db.db, clock} {
  using access::OrgKind;
  using access::Role;
  const auto now = clock.nowMs();
  ctx.db.write([&](db::Tx& tx) {
    fund_org = insertOrg(tx, OrgKind::kFund, "Mayors Migration Council", now);
    partner_a = insertOrg(tx, OrgKind::kPartner, "IOM", now);
    partner_b = insertOrg(tx, OrgKind::kPartner, "UNHCR", now);
    city_a = insertOrg(tx, OrgKind::kCity, "Kampala", now);
    city_b = insertOrg(tx, OrgKind::kCity, "Montevideo", now);
    fm1 = insertUser(tx, fund_org, "fm1@test", Role::kFundManager, now);
    fm2 = insertUser(tx, fund_org, "fm2@test", Role::kFundManager, now);
    admin = insertUser(tx, fund_org, "admin@test", Role::kAdmin, now);
    auditor = insertUser(tx, fund_org, "auditor@test", Role::kAuditor, now);
    reviewer_a = insertUser(tx, partner_a, "reviewer@iom.test", Role::kPartner, now);
    reviewer_b = insertUser(tx, partner_b, "reviewer@unhcr.test", Role::kPartner, now);
    applicant_a = insertUser(tx, city_a, "applicant@kampala.test", Role::kApplicant, now);
    applicant_b = insertUser(tx, city_b, "applicant@montevideo.test", Role::kApplicant, now);
    tx.commit();
  });
  stores::Call c;
  c.code = "GCF-TEST";
  c.title = "Test round";
  c.two_stage = terms.two_stage;
  c.budget_minor = 200'000'000;
  c.min_award_minor = 20'000'000;
  c.max_award_minor = 50'000'000;
  c.threshold_minor = terms.threshold_minor;
  c.closes_at = now + 90 * services::kDayMs;
  c.criteria = {{0, "relevance", "Relevance", 40}, {0, "feasibility", "Feasibility", 30},
                {0, "sustainability", "Sustainability", 30}};
  c.plan = {{0, 4000, "signature"}, {0, 4000, "progress_report"}, {0, 2000, "final_report"}};
  usecases::CallService calls(ctx);
  call = calls.create(fm1, c);
  call = calls.fire(fm1, call.id, {.event = "open"});
}

proposals::ProposalContent Fund::content(std::int64_t amount) {
  proposals::ProposalContent c;
  c.title = "Inclusive city services for newcomers";
  c.summary = "One-stop service centres where migrants and refugees register, find work and "
              "enrol their children, designed with community organisations.";
  c.target_groups = {"migrants", "refugees"};
  c.beneficiaries = 4000;
  c.duration_months = 24;
  c.amount_minor = amount;
  c.budget = {{"personnel", "Case workers", amount / 2},
              {"activities", "Service centres", amount - amount / 2}};
  return c;
}

std::int64_t Fund::addOrg(access::OrgKind kind, const std::string& name) {
  std::int64_t id = 0;
  ctx.db.write([&](db::Tx& tx) {
    id = insertOrg(tx, kind, name, clock.nowMs());
    tx.commit();
  });
  return id;
}

std::vector<std::int64_t> Fund::fundByChapters(
    const std::string& donor, const std::vector<std::pair<std::string, std::int64_t>>& chapters) {
  const auto donor_org = addOrg(access::OrgKind::kDonor, donor);
  usecases::FundingService funding(ctx);
  std::vector<std::int64_t> ids;
  for (const auto& [code, committed] : chapters) {
    stores::Chapter c;
    c.donor_org_id = donor_org;
    c.code = code;
    c.name = code;
    c.committed_minor = committed;
    ids.push_back(funding.addChapter(fm1, c).id);
  }
  usecases::CallService(ctx).chooseChapters(fm1, call.id, std::nullopt, ids);
  return ids;
}

access::Actor Fund::addUser(std::int64_t org, const std::string& email, access::Role role) {
  access::Actor actor;
  ctx.db.write([&](db::Tx& tx) {
    actor = insertUser(tx, org, email, role, clock.nowMs());
    tx.commit();
  });
  return actor;
}

std::int64_t Fund::draftProposal(std::int64_t amount) {
  return usecases::ProposalService(ctx).create(applicant_a, call.id, content(amount)).proposal.id;
}

std::int64_t Fund::supportedProposal(std::int64_t amount) {
  usecases::ProposalService service(ctx);
  const auto id = draftProposal(amount);
  service.fire(applicant_a, id, {.event = "submit"});
  service.fire(fm1, id, {.event = "screen"});
  service.setSupportingPartner(fm1, id, std::nullopt, partner_a);
  return id;
}

std::int64_t Fund::reviewedProposal(std::int64_t amount) {
  usecases::ProposalService service(ctx);
  const auto id = supportedProposal(amount);
  ctx.db.write([&](db::Tx& tx) {
    stores::Assignment a;
    a.proposal_id = id;
    a.partner_org_id = partner_a;
    a.state = "submitted";
    a.created_by = fm1.user_id;
    stores::ReviewStore::insert(tx, a, clock.nowMs());
    tx.commit();
  });
  service.fire(fm1, id, {.event = "send_to_review"});
  service.fire(fm1, id, {.event = "close_review"});
  return id;
}

std::int64_t Fund::approvedGrant(std::int64_t amount) {
  const auto id = reviewedProposal(amount);
  usecases::ProposalService(ctx).fire(fm1, id, {.event = "approve"});
  auto tx = ctx.db.read();
  const auto grant_id = stores::GrantStore::idForProposal(tx, id);
  tx.commit();
  return grant_id.value();
}

}  // namespace citygrants::testing
