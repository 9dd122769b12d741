#pragma once

#include <string_view>

// The IATI 2.03 codes the fund's activity file writes, each from the codelist that
// codelists/mapping.xml names for its place (tests/opendata checks every code written).
namespace citygrants::opendata::iati {

inline constexpr std::string_view kVersion = "2.03";
// OrganisationRole
inline constexpr std::string_view kRoleFunding = "1";
inline constexpr std::string_view kRoleExtending = "3";
inline constexpr std::string_view kRoleImplementing = "4";
// OrganisationType: a city is a local government.
inline constexpr std::string_view kTypeLocalGovernment = "11";
// DescriptionType: general.
inline constexpr std::string_view kDescriptionGeneral = "1";
// ActivityDateType
inline constexpr std::string_view kPlannedStart = "1";
inline constexpr std::string_view kActualStart = "2";
inline constexpr std::string_view kPlannedEnd = "3";
inline constexpr std::string_view kActualEnd = "4";
// SectorVocabulary: OECD DAC CRS purpose codes (5 digit).
inline constexpr std::string_view kSectorVocabularyDac = "1";
// AidType: project-type interventions; FinanceType: standard grant.
inline constexpr std::string_view kAidProject = "C01";
inline constexpr std::string_view kFinanceStandardGrant = "110";
// BudgetType original, or revised once an amendment changed the grant's terms; BudgetStatus
// committed (the grant agreement binds it).
inline constexpr std::string_view kBudgetOriginal = "1";
inline constexpr std::string_view kBudgetRevised = "2";
inline constexpr std::string_view kBudgetCommitted = "2";
// TransactionType
inline constexpr std::string_view kOutgoingCommitment = "2";
inline constexpr std::string_view kDisbursement = "3";
// ResultType: output (what the programme delivered: people reached, services given).
inline constexpr std::string_view kResultOutput = "1";
// IndicatorMeasure
inline constexpr std::string_view kMeasureUnit = "1";
inline constexpr std::string_view kMeasurePercentage = "2";
inline constexpr std::string_view kMeasureNominal = "3";

// ActivityStatus of a grant in `state` (grant machine): pending agreement is pipeline (1), active
// implementation (2), completed finalisation (3), closed (4), terminated cancelled (5), suspended (6).
// REQUIRES: state is one of workflow::kGrantStates.
constexpr std::string_view activityStatus(std::string_view state) {
  if (state == "pending_agreement") return "1";
  if (state == "active") return "2";
  if (state == "completed") return "3";
  if (state == "closed") return "4";
  if (state == "terminated") return "5";
  return "6";  // suspended
}

// IndicatorMeasure of an indicator's unit (results::Unit name): a share is a percentage, a yes/no
// a nominal value, everything counted or spent a unit.
constexpr std::string_view indicatorMeasure(std::string_view unit) {
  if (unit == "percentage") return kMeasurePercentage;
  if (unit == "yes_no") return kMeasureNominal;
  return kMeasureUnit;
}

}  // namespace citygrants::opendata::iati
