#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "services/db/database.h"
#include "services/stores/grant_list.h"
#include "services/stores/proposal_list.h"

namespace citygrants::stores {

// The search index (sql/migrations/0009_add_search_index.sql): one row of text per proposal,
// grant, organisation and call in search_documents, under SQLite's FTS5 or PostgreSQL's
// full-text search. The use cases that write a record's text call reindex in their own
// transaction, so the index never differs from the records a committed transaction left.
class SearchIndex {
 public:
  enum class Kind { kProposal, kGrant, kOrganisation, kCall };
  // Writes the row of record `id` of `kind` anew from the record as `tx` sees it now.
  // REQUIRES: the record exists.
  static void reindex(db::Tx& tx, Kind kind, std::int64_t id);
};

// The marks around a matched word in SearchHit::snippet.
inline constexpr char kMarkOpen = '\x01';
inline constexpr char kMarkClose = '\x02';

// What a search looks for and whose records it may show.
struct SearchQuery {
  // The words (search::wordsOf), every one required, the last also as a prefix.
  // REQUIRES: 1 to 16 words.
  std::vector<std::string> words;
  // Proposals: the list's visibility fields (usecases::scopeQuery), nothing else set.
  ProposalQuery proposals;
  // Grants: the list's visibility (usecases::visibilityOf), nothing else set.
  GrantQuery grants;
  // Proposals the reader may see of which they see only the reference, title and city: found
  // by those columns only, snippets from them only.
  std::vector<std::int64_t> title_only;
  int limit = 20;  // REQUIRES: 1..50
  int offset = 0;  // REQUIRES: 0..10,000
};

// One record found.
struct SearchHit {
  std::string kind;  // proposal, grant, organisation, call
  std::int64_t id = 0;
  std::string reference;  // a proposal's or grant's reference, a call's code, an org-id or ""
  std::string title;      // a proposal's or grant's title, a call's title, an organisation's name
  std::string snippet;    // the text that matched, its words between kMarkOpen and kMarkClose
  double score = 0;       // higher ranks first
};

struct SearchPage {
  std::vector<SearchHit> items;
  std::int64_t total = 0;
  bool more = false;
};

// The records `query` finds among those its visibility covers (organisations and calls: all,
// as their lists show every signed-in reader), best first (bm25 on SQLite, ts_rank on
// PostgreSQL; reference and title weigh most, then the city or place, then the body), then by
// kind and id. One statement for the page and one for the total.
SearchPage searchRecords(db::Tx& tx, const SearchQuery& query);

// The proposals partner organisation `org_id` has or had a review assignment of, in id order:
// the only ones whose reader may see less than the whole (usecases::seesFullProposal).
std::vector<std::int64_t> reviewedProposals(db::Tx& tx, std::int64_t org_id);

}  // namespace citygrants::stores
