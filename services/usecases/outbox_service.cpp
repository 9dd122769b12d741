#include "services/usecases/outbox_service.h"

#include "modules/access/access_rules.h"
#include "modules/core/problem.h"

namespace citygrants::usecases {

stores::OutboxPage OutboxService::list(const Actor& actor, const stores::OutboxQuery& query) {
  if (!access::may(actor, access::Action::kReadOutbox)) {
    throw core::Problem::forbidden("forbidden.read_outbox");
  }
  std::vector<core::FieldError> errors;
  if (query.limit < 1 || query.limit > kMaxLimit) errors.push_back({"limit", {"field.whole_number_range", {{"min", 1}, {"max", kMaxLimit}}}});
  if (query.offset < 0 || query.offset > kMaxOffset) {
    errors.push_back({"offset", {"field.whole_number_range", {{"min", 0}, {"max", kMaxOffset}}}});
  }
  if (!errors.empty()) throw core::Problem::invalid(errors);
  auto tx = ctx_.db.read();
  auto page = stores::listOutbox(tx, query);
  tx.commit();
  return page;
}

}  // namespace citygrants::usecases
