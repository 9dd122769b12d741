#pragma once

#include <string>

#include "services/stores/search_store.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// GET /api/v1/search: proposals, grants, organisations and calls found by words, best first,
// each only where the reader's lists would show it.
class SearchService {
 public:
  explicit SearchService(Context ctx) : ctx_(ctx) {}

  static constexpr int kMaxLimit = 50;
  static constexpr int kMaxOffset = 10000;

  // The records the words of `q` find (search::wordsOf: anything else `q` holds is a separator,
  // never query syntax) among those `actor` may see: proposals and grants scoped exactly as
  // their lists scope them, and a partner reviewer who has not declared no conflict of interest
  // finds a proposal only by its reference, title or city. kInvalid naming `q` (empty, blank,
  // over 200 characters, not UTF-8), `limit` (1..50) or `offset` (0..10,000).
  stores::SearchPage search(const Actor& actor, const std::string& q, int limit, int offset);

 private:
  Context ctx_;
};

}  // namespace citygrants::usecases
