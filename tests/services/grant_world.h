#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "modules/core/problem.h"
#include "services/usecases/grant_service.h"
#include "services/usecases/report_service.h"
#include "services/usecases/tranche_service.h"
#include "tests/services/fixture.h"

namespace citygrants::testing {

// The fund, with a threshold that lets one fund manager approve, and a proposal of city A
// (supported by partner A) approved for `award`: the grant is pending agreement. Its helpers
// check the money invariants after every tranche step and every refusal.
struct GrantWorld : Fund {
  static constexpr std::int64_t kOddAward = 33'333'333;  // 333,333.33: 40 % does not divide evenly

  explicit GrantWorld(std::int64_t award = kOddAward);

  static usecases::TransitionRequest event(const std::string& name,
                                           std::optional<std::string> reason = {},
                                           std::optional<std::int64_t> expected = {});
  // A disbursal with payment reference "BANK-<key>" and idempotency key `key`.
  static usecases::TransitionRequest disburseEvent(const std::string& key,
                                                   std::optional<std::int64_t> expected = {});
  // The single number `query` selects.
  static std::int64_t count(db::Database& db, const std::string& query);

  std::int64_t auditSeq() { return auditHead(ctx.db); }

  // The money invariants over the whole database: Σ tranches = grant amount, Σ disbursed ≤
  // grant amount, no tranche disbursed twice.
  void checkInvariants();

  // Runs `step`, expects it refused with `kind`, and checks that nothing was written.
  void expectRefused(core::ProblemKind kind, const std::function<void()>& step);

  // The fields named by the kInvalid refusal of `step`, which must write nothing.
  std::vector<std::string> fieldsOf(const std::function<void()>& step);

  stores::Grant grant() { return grants.get(fm1, grant_id); }
  stores::Tranche tranche(int seq) { return grants.tranches(fm1, grant_id).at(seq - 1); }
  stores::Report report(const std::string& kind);

  stores::Grant sign() { return grants.fire(applicant_a, grant_id, event("sign")); }

  stores::Tranche fireTranche(const access::Actor& who, int seq,
                              const usecases::TransitionRequest& req);

  // Takes tranche `seq` from scheduled to approved: applicant, partner A, fm1.
  void approveTranche(int seq);
  // Approves tranche `seq`, then fm2 disburses it with `key`.
  stores::Tranche disburseTranche(int seq, const std::string& key);

  // Writes, submits (applicant A) and accepts (partner A) the progress or final report.
  stores::Report acceptReport(const std::string& kind);

  // The ids of the approved budget lines, in order.
  std::vector<std::int64_t> budgetLines();

  usecases::GrantService grants{ctx};
  usecases::TrancheService tranches{ctx};
  usecases::ReportService reports{ctx};
  std::int64_t grant_id = 0;
};

}  // namespace citygrants::testing
