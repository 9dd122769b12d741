#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/results/measure.h"

// A grant as the open-data files describe it: plain data gathered by the store, written by the
// 360Giving and IATI writers. No person appears in it: organisations, money, dates and results.
namespace citygrants::opendata {

struct OpenOrg {
  std::int64_t id = 0;
  std::string name;
  std::string ref;      // its id in the files: org-id identifier, or the fund-prefixed fallback
  bool registered = false;  // ref is an org-id identifier, not the fallback
  std::string country;  // ISO 3166-1 alpha-2, "" when unknown
};

// A title and a description in one language (the proposal's, or the English translation).
struct OpenText {
  std::string language;  // en, fr, es, pt
  std::string title;     // "" when this language has no title of its own
  std::string description;
};

struct OpenTranche {
  int seq = 1;
  std::string reference;
  std::string state;
  std::int64_t amount_minor = 0;
  std::int64_t planned_at = 0;  // when it is due to be paid (signature, or its report's due date)
  std::optional<std::int64_t> disbursed_at;
};

// A donor chapter's share of the grant.
struct OpenFunding {
  std::string chapter_code;
  std::string chapter_name;
  OpenOrg donor;
  std::int64_t allocated_minor = 0;
  std::int64_t disbursed_minor = 0;
};

struct OpenPeriod {
  int period = 1;
  std::int64_t start = 0;
  std::int64_t end = 0;
  std::optional<results::Measure> target;
  std::optional<results::Measure> actual;  // from the accepted (verified) report only
};

struct OpenIndicator {
  std::string code;
  std::string name;  // English
  std::string unit;  // results::unitName
  std::int64_t baseline = 0;
  std::vector<OpenPeriod> periods;
};

struct OpenGrant {
  std::int64_t id = 0;
  std::int64_t proposal_id = 0;  // internal: where its targets are
  std::int64_t call_id = 0;      // internal: its indicators
  std::string reference;  // GCF-2026-0001-G
  std::string state;      // the grant machine's
  std::string currency;
  std::int64_t amount_minor = 0;
  std::int64_t requested_minor = 0;  // what the city applied for
  int duration_months = 24;
  std::int64_t awarded_at = 0;  // the approval that created the grant
  std::optional<std::int64_t> signed_at;
  std::optional<std::int64_t> ended_at;  // left active for good (completed, closed, terminated)
  std::optional<std::int64_t> ends_at;   // the end date an applied extension set (none: as awarded)
  bool revised = false;                  // an applied amendment changed its terms
  std::int64_t modified_at = 0;          // the latest change to it, its tranches or reports
  std::vector<std::string> sectors;      // DAC codes: the fund's default first
  std::string call_code;
  std::string call_title;
  std::vector<OpenText> texts;  // the proposal's language first
  OpenOrg city;
  OpenOrg partner;
  std::vector<OpenTranche> tranches;
  std::vector<OpenFunding> funding;
  std::vector<OpenIndicator> indicators;

  std::int64_t disbursedMinor() const;
  // Planned start (signature, or the award before it) and end (start + duration).
  std::int64_t plannedStart() const;
  std::int64_t plannedEnd() const;
};

// The fund's open data: who publishes it, and the grants.
struct Publication {
  OpenOrg fund;
  std::string giving_prefix;
  std::string iati_ref;
  std::int64_t generated_at = 0;
  std::vector<OpenGrant> grants;
};

inline constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;
inline constexpr std::int64_t kMonthMs = 30 * kDayMs;  // as the grant schedule counts months

}  // namespace citygrants::opendata
