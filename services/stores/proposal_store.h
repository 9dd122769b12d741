#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/proposals/validation.h"
#include "modules/records/call.h"
#include "modules/records/proposal.h"
#include "services/db/database.h"

namespace citygrants::stores {

using records::Decision;
using records::Proposal;
using records::ProposalVersion;

// A proposal with its current version (budget lines and targets included) and its call's terms.
struct ProposalWithCurrent {
  Proposal proposal;
  ProposalVersion current;
  records::Call call;  // its terms only (CallStore::loadTerms)
};

class ProposalStore {
 public:
  static std::int64_t insert(db::Tx& tx, const Proposal& p, std::int64_t now);
  static std::optional<Proposal> load(db::Tx& tx, std::int64_t id);
  // The proposal, its current version and its call's terms read in one statement (a join), not
  // three: every proposal read and transition starts with them.
  static std::optional<ProposalWithCurrent> loadCurrent(db::Tx& tx, std::int64_t id);
  // Writes every mutable column; REQUIRES p.version is the version read (else kStaleVersion).
  // Then p holds what the row now holds: the next version, updated at `now`.
  static void update(db::Tx& tx, Proposal& p, std::int64_t now);
  // As update, writing only state and current_version: for the moves that change nothing else
  // (SQLite then leaves the other columns' indexes and foreign keys alone).
  static void updateState(db::Tx& tx, Proposal& p, std::int64_t now);
  // Claims the next free number for references of `year` (GCF-year-NNNN): one more than the
  // last one claimed, kept in proposal_reference_counters (one row per year, no scan).
  static int claimReferenceNumber(db::Tx& tx, int year);

  // Inserts `v`, setting its id and its budget lines' ids. Its targets are written from its
  // content or, given `same_targets_as` (a stored version whose targets it copies, as the next
  // version of a proposal does), copied by the database in one statement.
  static std::int64_t insertVersion(db::Tx& tx, ProposalVersion& v, std::int64_t now,
                                    std::optional<std::int64_t> same_targets_as = std::nullopt);
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
