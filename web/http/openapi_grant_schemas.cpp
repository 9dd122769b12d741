#include "services/usecases/report_service.h"
#include "web/http/openapi_schema_parts.h"
#include "web/http/schema_builder.h"

namespace citygrants::http::schemas {
namespace {

using namespace schema;

constexpr std::size_t kMaxSpendingLines = 100;  // report_handlers.cpp
constexpr const char* kWithheld =
    "the user; null until done, and when the reader may not know them";

// grant_handlers.cpp: grantJson, budgetLineJson.
void addGrants(JsonObject out) {
  out->set("Grant",
           closed({{"id", integer()},
                   {"reference", describe(text(), "GCF-2026-0007-G")},
                   {"state", choice(statesOf("grant"))},
                   {"version", atLeast(1)},
                   {"actions", actionsSchema("grant")},
                   {"proposal_id", integer()},
                   {"call_id", integer()},
                   {"city_org_id", integer()},
                   {"supporting_org_id", integer()},
                   {"amount", ref("Money")},
                   {"duration_months", integer()},
                   nullableOut("signed_by", describe(integer(), kWithheld)),
                   nullableOut("signed_at", dateTime()),
                   {"created_at", dateTime()},
                   {"sectors", describe(list(text()), "DAC purpose codes: 15190 first")},
                   nullableOut("sector_code", describe(text(), "the service's own DAC code")),
                   {"publishable", boolean()},
                   nullableOut("published_at", dateTime()),
                   {"actors", actorsSchema({"signed_by"})}}));
  out->set("GrantPage", pageOf("Grant"));
  out->set("GrantTransition", transitionSchema("grant"));
  out->set("BudgetVsActual", closed({{"category", text()},
                                     {"description", text()},
                                     {"planned", ref("Money")},
                                     {"actual", ref("Money")}}));
  out->set("BudgetPage", pageOf("BudgetVsActual"));
}

// tranche_handlers.cpp: trancheJson.
std::vector<Member> trancheMembers() {
  return {{"id", integer()},
          {"reference", describe(text(), "GCF-2026-0007-G-T2")},
          {"state", choice(statesOf("tranche"))},
          {"version", atLeast(1)},
          {"actions", actionsSchema("tranche")},
          {"grant_id", integer()},
          {"seq", atLeast(1)},
          {"amount", ref("Money")},
          {"trigger", choice({"signature", "progress_report", "final_report"})},
          nullableOut("report_id", describe(integer(), "the report accepted first")),
          nullableOut("requested_by", describe(integer(), kWithheld)),
          nullableOut("requested_at", dateTime()),
          nullableOut("verified_by", describe(integer(), kWithheld)),
          nullableOut("approved_by", describe(integer(), kWithheld)),
          nullableOut("disbursed_by", describe(integer(), kWithheld)),
          nullableOut("disbursed_at", dateTime()),
          nullableOut("payment_reference", text()),
          {"actors", actorsSchema({"requested_by", "verified_by", "approved_by", "disbursed_by"})}};
}

// tranche_handlers.cpp: trancheJson.
void addTranches(JsonObject out) {
  out->set("Tranche", closed(trancheMembers()));
  out->set("TranchePage", pageOf("Tranche"));
  // listTranches, trancheGrantJson: each tranche with what the list shows of its grant.
  out->set("TrancheGrant", closed({{"id", integer()},
                                   {"reference", describe(text(), "GCF-2026-0007-G")},
                                   {"city", ref("ProposalCity")},
                                   {"supporting_org_id", integer()},
                                   {"state", choice(statesOf("grant"))}}));
  auto item = trancheMembers();
  item.push_back({"grant", ref("TrancheGrant")});
  out->set("TrancheListItem", closed(item));
  out->set("TrancheListPage", pageOf("TrancheListItem"));
  out->set("TrancheTransition", transitionSchema("tranche"));
}

// report_handlers.cpp: reportJson and decodeReport.
void addReports(JsonObject out) {
  out->set("Spending",
           closed({{"budget_line_id", atLeast(1)}, {"actual_minor", integer(0, kMaxMoneyMinor)}}));
  out->set("Report", closed({{"id", integer()},
                             {"state", choice(statesOf("report"))},
                             {"version", atLeast(1)},
                             {"actions", actionsSchema("report")},
                             {"grant_id", integer()},
                             {"seq", atLeast(1)},
                             {"kind", choice({"progress", "financial", "final"})},
                             {"due_at", dateTime()},
                             {"narrative", text()},
                             nullableOut("submitted_by", describe(integer(), kWithheld)),
                             nullableOut("submitted_at", dateTime()),
                             nullableOut("accepted_by", describe(integer(), kWithheld)),
                             nullableOut("accepted_at", dateTime()),
                             {"spending", describe(list(ref("Spending")),
                                                   "actual spending per budget line; empty when "
                                                   "none is stated")},
                             nullableOut("period", describe(atLeast(1),
                                                            "the reporting period of "
                                                            "its results")),
                             {"results", list(ref("IndicatorResult"))},
                             {"targets", describe(list(ref("ReportTarget")),
                                                  "the approved targets of its period")},
                             {"actors", actorsSchema({"submitted_by", "accepted_by"})}}));
  out->set("ReportPage", pageOf("Report"));
  out->set("ReportContent",
           closed({optionalIn("narrative", text(usecases::ReportService::kMaxNarrative)),
                   optionalIn("spending", describe(list(ref("Spending"), kMaxSpendingLines),
                                                   "only in a financial report; replaces what "
                                                   "was stated")),
                   optionalIn("results", describe(list(ref("NewIndicatorResult"), 50),
                                                  "only in a progress or final report; replaces "
                                                  "what was stated"))}));
  out->set("ReportTransition", transitionSchema("report"));
}

// attachment_handlers.cpp: attachmentJson and the multipart upload.
void addAttachments(JsonObject out) {
  out->set("Attachment", closed({{"id", integer()},
                                 nullableOut("proposal_id", integer()),
                                 nullableOut("report_id", integer()),
                                 {"filename", text()},
                                 {"content_type", describe(text(), "judged by the content")},
                                 {"size_bytes", atLeast(0)},
                                 {"sha256", matching("^[0-9a-f]{64}$", 64)},
                                 {"uploaded_by", integer()},
                                 {"created_at", dateTime()},
                                 {"href", describe(text(), "where the bytes are downloaded")}}));
  out->set("AttachmentPage", pageOf("Attachment"));
  auto file = describe(text(),
                       "the file (its part's filename is kept): PDF, PNG, JPEG, DOCX, "
                       "XLSX, ODT, ODS, CSV or UTF-8 text, at most 20 MiB");
  file->set("contentMediaType", "application/octet-stream");
  auto props = object();
  props->set("file", file);
  auto upload = object();
  upload->set("type", "object");
  upload->set("properties", props);
  upload->set("required", strings({"file"}));
  out->set("Upload", describe(upload,
                              "multipart/form-data with exactly one part named file; "
                              "other parts are ignored"));
  auto bytes = describe(text(), "the file's bytes");
  bytes->set("contentMediaType", "application/octet-stream");
  out->set("FileContent", bytes);
}

}  // namespace

void addGrantSchemas(JsonObject out) {
  addGrants(out);
  addTranches(out);
  addReports(out);
  addAttachments(out);
}

}  // namespace citygrants::http::schemas
