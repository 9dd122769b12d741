#include "tests/services/fixture.h"

#include <cstdlib>
#include <filesystem>

#include "services/db/migrator.h"
#include "services/stores/directory_store.h"
#include "services/usecases/call_service.h"

namespace citygrants::testing {
namespace {

std::string tempDir() {
  const char* dir = std::getenv("CITYGRANTS_TEST_TMP");
  std::string out = dir != nullptr && *dir != '\0' ? dir : "/tmp";
  std::filesystem::create_directories(out);
  return out;
}

access::Actor addUser(db::Tx& tx, std::int64_t org, const std::string& email, access::Role role,
                      std::int64_t now) {
  stores::User u;
  u.org_id = org;
  u.email = email;
  u.name = email;
  u.password_hash = "not-a-real-hash";
  u.id = stores::DirectoryStore::insertUser(tx, u, now);
  stores::DirectoryStore::grantRole(tx, u.id, role, std::nullopt, now);
  return access::Actor{u.id, org, access::RoleSet(role)};
}

std::int64_t addOrg(db::Tx& tx, access::OrgKind kind, const std::string& name, std::int64_t now) {
  stores::Organisation o;
  o.kind = kind;
  o.name = name;
  return stores::DirectoryStore::insertOrganisation(tx, o, now);
}

}  // namespace

TestDb::TestDb(const std::string& name, std::size_t pool_size) {
  path = tempDir() + "/" + name + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  db = std::make_unique<db::Database>(db::parseConnectionString("sqlite:" + path),
                                      db::Database::Options{pool_size, true});
  db::migrate(*db);
}

TestDb::~TestDb() {
  db.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

std::int64_t auditHead(db::Database& db) {
  auto tx = db.read();
  std::int64_t seq = 0;
  tx.sql() << "SELECT last_seq FROM audit_head WHERE id = 1", soci::into(seq);
  tx.commit();
  return seq;
}

Fund::Fund(const std::string& name, bool two_stage)
    : test_db(name), clock(1'780'000'000'000), ctx{*test_db.db, clock} {
  using access::OrgKind;
  using access::Role;
  const auto now = clock.nowMs();
  {
    auto tx = ctx.db.write();
    fund_org = addOrg(tx, OrgKind::kFund, "Mayors Migration Council", now);
    partner_a = addOrg(tx, OrgKind::kPartner, "IOM", now);
    partner_b = addOrg(tx, OrgKind::kPartner, "UNHCR", now);
    city_a = addOrg(tx, OrgKind::kCity, "Kampala", now);
    city_b = addOrg(tx, OrgKind::kCity, "Montevideo", now);
    fm1 = addUser(tx, fund_org, "fm1@test", Role::kFundManager, now);
    fm2 = addUser(tx, fund_org, "fm2@test", Role::kFundManager, now);
    admin = addUser(tx, fund_org, "admin@test", Role::kAdmin, now);
    auditor = addUser(tx, fund_org, "auditor@test", Role::kAuditor, now);
    reviewer_a = addUser(tx, partner_a, "reviewer@iom.test", Role::kPartner, now);
    reviewer_b = addUser(tx, partner_b, "reviewer@unhcr.test", Role::kPartner, now);
    applicant_a = addUser(tx, city_a, "applicant@kampala.test", Role::kApplicant, now);
    applicant_b = addUser(tx, city_b, "applicant@montevideo.test", Role::kApplicant, now);
    tx.commit();
  }
  stores::Call c;
  c.code = "GCF-TEST";
  c.title = "Test round";
  c.two_stage = two_stage;
  c.budget_minor = 200'000'000;
  c.min_award_minor = 20'000'000;
  c.max_award_minor = 50'000'000;
  c.threshold_minor = 30'000'000;
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

}  // namespace citygrants::testing
