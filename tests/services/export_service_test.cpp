#include "services/usecases/export_service.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <boost/test/unit_test.hpp>

#include "modules/core/problem.h"
#include "services/usecases/export_log.h"
#include "services/usecases/proposal_service.h"
#include "tests/services/fixture.h"

// The export use case on a real database: the rate limit as a sliding window over the audit
// chain, refusals and faults that leave nothing behind, and rows scoped like the list.
using namespace citygrants;
using usecases::ExportLog;
using usecases::ExportRequest;
using usecases::ExportService;

namespace {

constexpr std::int64_t kSecond = 1000;

ExportRequest proposalsCsv() { return {stores::ProposalQuery{}, exports::FileFormat::kCsv, "{}"}; }

std::string contentOf(const exports::TempFile& file) {
  std::ifstream in(file.path(), std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The retry-after of the kTooManyRequests `fn` throws; 0 when it throws nothing (a failure).
template <class Fn>
int refusedFor(Fn&& fn) {
  try {
    fn();
  } catch (const core::Problem& p) {
    BOOST_TEST(core::problemKindName(p.kind()) == "too_many_requests", p.what());
    return p.retryAfterSeconds();
  }
  BOOST_ERROR("not refused");
  return 0;
}

// Points $TMPDIR at a directory of its own while it lives, to count the files left there.
struct ScratchTmp {
  explicit ScratchTmp(const std::string& name)
      : dir(std::filesystem::path(
                std::getenv("CITYGRANTS_TEST_TMP") ? std::getenv("CITYGRANTS_TEST_TMP") : "/tmp") /
            name) {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const char* old = std::getenv("TMPDIR");
    if (old != nullptr) previous = old;
    setenv("TMPDIR", dir.c_str(), 1);
  }
  ~ScratchTmp() {
    if (previous.empty())
      unsetenv("TMPDIR");
    else
      setenv("TMPDIR", previous.c_str(), 1);
    std::filesystem::remove_all(dir);
  }
  std::size_t files() const {
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir),
                                                  std::filesystem::directory_iterator()));
  }
  std::filesystem::path dir;
  std::string previous;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(export_service)

BOOST_AUTO_TEST_CASE(the_eleventh_export_in_any_minute_waits_until_the_oldest_leaves_it) {
  testing::Fund f("export_window");
  ExportService s(f.ctx);
  const auto t0 = f.clock.nowMs();
  for (int i = 0; i < ExportLog::kMaxPerWindow; ++i) {
    f.clock.set(t0 + i * kSecond);
    s.run(f.fm1, proposalsCsv());
  }
  f.clock.set(t0 + 9 * kSecond + 1);  // the first left 59 s ago: 51 s minus a millisecond to go
  const auto head = testing::auditHead(f.ctx.db);
  BOOST_TEST(refusedFor([&] { s.run(f.fm1, proposalsCsv()); }) == 51);
  BOOST_TEST(testing::auditHead(f.ctx.db) == head);
  // Someone else is not held back by fm1's exports.
  s.run(f.fm2, proposalsCsv());
  f.clock.set(t0 + ExportLog::kWindowMs - 1);
  BOOST_TEST(refusedFor([&] { s.run(f.fm1, proposalsCsv()); }) == 1);
  f.clock.set(t0 + ExportLog::kWindowMs);  // the first is out of the window now
  s.run(f.fm1, proposalsCsv());
  BOOST_TEST(refusedFor([&] { s.run(f.fm1, proposalsCsv()); }) == 1);  // the second is 1 s younger
}

BOOST_AUTO_TEST_CASE(record_refuses_past_the_limit_inside_the_callers_transaction) {
  testing::Fund f("export_record");
  const auto now = f.clock.nowMs();
  for (int i = 0; i < ExportLog::kMaxPerWindow; ++i) {
    f.ctx.db.write([&](db::Tx& tx) {
      ExportLog::record(tx, f.auditor, "360giving.json", R"({"call":"GCF-2026"})", 3, now);
      tx.commit();
    });
  }
  const auto head = testing::auditHead(f.ctx.db);
  BOOST_TEST(refusedFor([&] {
               f.ctx.db.write([&](db::Tx& tx) {
                 ExportLog::record(tx, f.auditor, "iati.xml", "{}", 3, now);
                 tx.commit();
               });
             }) == 60);
  BOOST_TEST(testing::auditHead(f.ctx.db) == head);
  auto tx = f.ctx.db.read();
  std::string detail;
  tx.sql() << "SELECT detail FROM audit_events WHERE entity = 'export' AND entity_id = :u "
              "ORDER BY seq DESC LIMIT 1",
      soci::use(f.auditor.user_id), soci::into(detail);
  BOOST_TEST(detail == R"({"file":"360giving.json","filters":{"call":"GCF-2026"},"rows":3})");
}

BOOST_AUTO_TEST_CASE(a_refused_or_failed_export_leaves_no_event_and_no_file) {
  testing::Fund f("export_faults");
  ScratchTmp tmp("export_faults_tmp");
  ExportService s(f.ctx);
  const auto head = testing::auditHead(f.ctx.db);
  // An applicant may not read the audit chain: refused before anything is read or written.
  ExportRequest audit{audit::AuditFilter{}, exports::FileFormat::kXlsx, "{}"};
  BOOST_CHECK_THROW(s.run(f.applicant_a, audit), core::Problem);
  // The audit event cannot be written: the file is gone with the failed use case.
  testing::injectFault(f.ctx.db, "audit_events", "NEW.entity = 'export'", "injected audit fault");
  BOOST_CHECK_THROW(s.run(f.fm1, proposalsCsv()), std::exception);
  testing::clearFault(f.ctx.db, "audit_events");
  BOOST_TEST(testing::auditHead(f.ctx.db) == head);
  BOOST_TEST(tmp.files() == 0u);
  // A file that was sent is removed when its last holder lets go.
  {
    const auto out = s.run(f.fm1, {audit::AuditFilter{}, exports::FileFormat::kXlsx, "{}"});
    BOOST_TEST(tmp.files() == 1u);  // the workbook; libxlsxwriter's scratch files are gone
    BOOST_TEST(out.file->size() > 0u);
  }
  BOOST_TEST(tmp.files() == 0u);
}

BOOST_AUTO_TEST_CASE(each_reader_exports_the_proposals_their_list_shows) {
  testing::Fund f("export_scope");
  usecases::ProposalService proposals(f.ctx);
  for (auto* applicant : {&f.applicant_a, &f.applicant_b, &f.applicant_a}) {
    proposals.create(*applicant, f.call.id, testing::Fund::content());
  }
  ExportService s(f.ctx);
  for (const auto* actor :
       {&f.fm1, &f.auditor, &f.applicant_a, &f.applicant_b, &f.reviewer_a, &f.admin}) {
    stores::ProposalQuery q;
    q.limit = 200;
    std::string expected = "reference\r\n";
    for (const auto& p : proposals.list(*actor, q).items) expected += p.reference + "\r\n";
    const auto out = s.run(*actor, proposalsCsv());
    // The first column of every line, after the BOM.
    std::string got;
    std::istringstream lines(contentOf(*out.file).substr(3));
    for (std::string line; std::getline(lines, line);)
      got += line.substr(0, line.find(',')) + "\r\n";
    BOOST_TEST(got == expected, actor->user_id);
  }
}

BOOST_AUTO_TEST_SUITE_END()
