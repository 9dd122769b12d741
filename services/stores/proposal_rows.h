#pragma once

#include <optional>
#include <string>

#include "modules/records/call.h"
#include "modules/records/proposal.h"
#include "services/db/database.h"

namespace citygrants::stores {

// The columns of a proposal (`p.`), a version (`v.`) and a call's terms (`c.`) and where each
// goes, so that one statement can read a row of each, joined (ProposalStore::loadCurrent), and
// the stores that read one of them alone read the same columns into the same fields.
// Bind a row's targets to the statement, execute it, then finish the row.
extern const char* const kProposalColumns;
extern const char* const kVersionColumns;
extern const char* const kCallTermsColumns;

struct ProposalRow {
  records::Proposal proposal;
  int eligible = 0;
  void bind(db::Prepared& st);
  void finish() { proposal.eligible_future = eligible != 0; }
};

struct VersionRow {
  records::ProposalVersion version;
  std::string groups;
  int frozen = 0;
  std::optional<std::string> plan_column;
  void bind(db::Prepared& st);
  // Reads the version's budget lines and targets too.
  void finish(db::Tx& tx);
};

struct CallTermsRow {
  records::Call call;
  int two_stage = 1;
  void bind(db::Prepared& st);
  void finish() { call.two_stage = two_stage != 0; }
};

// The row that `query` (REQUIRES: constant text with one parameter, the id) reads for `id`,
// finished; nullopt when there is none. REQUIRES: Row::finish() reads nothing more.
template <class Row>
std::optional<Row> readRow(db::Tx& tx, const std::string& query, std::int64_t id) {
  Row row;
  {
    auto st = tx.prepared(query);
    st.use(id);
    row.bind(st);
    if (!st.execute()) return std::nullopt;
  }
  row.finish();
  return row;
}

}  // namespace citygrants::stores
