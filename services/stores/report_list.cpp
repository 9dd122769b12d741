#include "services/stores/report_list.h"

#include <stdexcept>

#include "services/stores/where.h"

namespace citygrants::stores {

std::string reportWhere(const ReportQuery& q, soci::statement& st) {
  if (q.states.size() > 3 || q.kinds.size() > 3) throw std::invalid_argument("bad report query");
  Where where(st);
  if (const auto visible = grantVisible(q.visibility, st); !visible.empty()) where.add(visible);
  if (q.grant_id) where.add("r.grant_id = :grant", *q.grant_id, "grant");
  where.in("r.state", q.states);
  if (!q.kinds.empty()) {
    // Where::in names its values in0..in7 once per statement: the kinds take their own names.
    std::string list;
    static constexpr const char* kNames[] = {"kind0", "kind1", "kind2"};
    for (std::size_t i = 0; i < q.kinds.size(); ++i) {
      list += std::string(i == 0 ? ":" : ", :") + kNames[i];
      st.exchange(soci::use(q.kinds[i], kNames[i]));
    }
    where.add("r.kind IN (" + list + ")");
  }
  if (q.call_id) where.add("g.call_id = :call", *q.call_id, "call");
  if (q.city_org_id) where.add("g.city_org_id = :city", *q.city_org_id, "city");
  return where.sql();
}

}  // namespace citygrants::stores
