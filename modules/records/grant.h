#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// The records of a running grant, as the machines and the stores see them: plain data.
namespace citygrants::records {

// An awarded proposal: the money, its agreement and its state.
struct Grant {
  std::int64_t id = 0;
  std::int64_t proposal_id = 0;
  std::int64_t call_id = 0;
  std::int64_t city_org_id = 0;
  std::int64_t supporting_org_id = 0;
  std::string reference;
  std::string state = "pending_agreement";
  std::string currency = "USD";
  std::int64_t amount_minor = 0;
  int duration_months = 24;
  std::optional<std::int64_t> signed_by;
  std::optional<std::int64_t> signed_at;
  std::int64_t created_at = 0;
  std::int64_t version = 1;
  // Open data: the service's own DAC purpose code ("" when none: the fund's default only), and
  // whether a fund manager published it (published_at: when it was last switched on).
  std::string sector_code;
  bool publishable = false;
  std::optional<std::int64_t> published_at;
};

// One disbursement of a grant.
struct Tranche {
  std::int64_t id = 0;
  std::int64_t grant_id = 0;
  int seq = 1;
  std::string reference;
  std::string state = "scheduled";
  std::int64_t amount_minor = 0;
  std::string trigger;                     // signature | progress_report | final_report
  std::optional<std::int64_t> report_id;   // the report that must be accepted first
  std::optional<std::int64_t> requested_by;
  std::optional<std::int64_t> requested_at;
  std::optional<std::int64_t> verified_by;
  std::optional<std::int64_t> approved_by;
  std::optional<std::int64_t> disbursed_by;
  std::optional<std::int64_t> disbursed_at;
  std::optional<std::string> payment_reference;
  std::optional<std::string> idempotency_key;
  std::int64_t version = 1;
};

// Actual spending on one budget line, stated in a financial report.
struct Spending {
  std::int64_t budget_line_id = 0;
  std::int64_t actual_minor = 0;
};

// A progress, financial or final report of a grant.
struct Report {
  std::int64_t id = 0;
  std::int64_t grant_id = 0;
  int seq = 1;
  std::string kind;  // progress | financial | final
  std::string state = "draft";
  std::int64_t due_at = 0;
  std::string narrative;
  std::optional<std::int64_t> submitted_by;
  std::optional<std::int64_t> submitted_at;
  std::optional<std::int64_t> accepted_by;
  std::optional<std::int64_t> accepted_at;
  std::int64_t version = 1;
  std::vector<Spending> spending;  // stated per budget line (financial reports), by line id
};

}  // namespace citygrants::records
