#pragma once

#include <cstdint>
#include <vector>

namespace citygrants::stores {

// One page of a cursor-paged list, with the count of every row the filters match.
template <class Item>
struct Page {
  std::vector<Item> items;
  std::int64_t total = 0;  // all rows matching, on every page
  bool more = false;       // another page follows the last item
};

}  // namespace citygrants::stores
