#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/proposals/validation.h"
#include "services/db/database.h"

namespace citygrants::stores {

// A city's application to a call, from concept note to decision.
struct Proposal {
  std::int64_t id = 0;
  std::int64_t call_id = 0;
  std::int64_t city_org_id = 0;
  std::string reference;
  std::string state;
  int current_version = 1;
  std::optional<std::int64_t> supporting_org_id;
  std::optional<std::int64_t> award_minor;
  std::optional<std::int64_t> award_proposed_by;
  bool eligible_future = false;
  std::int64_t created_by = 0;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::int64_t version = 1;
};

// One version of a proposal's content; all but a draft's current version are frozen.
struct ProposalVersion {
  std::int64_t id = 0;
  std::int64_t proposal_id = 0;
  int number = 1;
  std::string stage = "full";  // concept | full
  bool frozen = false;
  std::optional<std::string> translation_en;
  std::int64_t created_by = 0;
  std::int64_t created_at = 0;
  proposals::ProposalContent content;
  std::vector<std::int64_t> budget_line_ids;  // parallel to content.budget
};

// A fund manager's decision on a proposal, kept beside the audit trail.
struct Decision {
  std::int64_t proposal_id = 0;
  std::string event;
  std::optional<std::int64_t> amount_minor;
  std::string rationale;
  std::int64_t decided_by = 0;
};

class ProposalStore {
 public:
  static std::int64_t insert(db::Tx& tx, const Proposal& p, std::int64_t now);
  static std::optional<Proposal> load(db::Tx& tx, std::int64_t id);
  // Writes every mutable column; REQUIRES p.version is the version read (else kStaleVersion).
  // Then p holds what the row now holds: the next version, updated at `now`.
  static void update(db::Tx& tx, Proposal& p, std::int64_t now);
  // As update, writing only state and current_version: for the moves that change nothing else
  // (SQLite then leaves the other columns' indexes and foreign keys alone).
  static void updateState(db::Tx& tx, Proposal& p, std::int64_t now);
  // The next free number for references of `year` (GCF-year-NNNN).
  static int nextReferenceNumber(db::Tx& tx, int year);

  static std::int64_t insertVersion(db::Tx& tx, const ProposalVersion& v, std::int64_t now);
  static std::optional<ProposalVersion> loadVersion(db::Tx& tx, std::int64_t proposal_id,
                                                    int number);
  // Replaces the content (and budget lines) of an unfrozen version.
  static void replaceContent(db::Tx& tx, std::int64_t version_id,
                             const proposals::ProposalContent& content);
  static void setStage(db::Tx& tx, std::int64_t version_id, const std::string& stage);
  static void setTranslation(db::Tx& tx, std::int64_t version_id, const std::string& text);
  static void freeze(db::Tx& tx, std::int64_t version_id);

  static void insertDecision(db::Tx& tx, const Decision& d, std::int64_t now);
};

}  // namespace citygrants::stores
