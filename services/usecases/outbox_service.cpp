#include "services/usecases/outbox_service.h"

#include "modules/access/access_rules.h"
#include "modules/core/problem.h"

namespace citygrants::usecases {

stores::OutboxPage OutboxService::list(const Actor& actor, const stores::OutboxQuery& query) {
  if (!access::may(actor, access::Action::kReadOutbox)) {
    throw core::Problem::forbidden("only admins read the outbox");
  }
  std::vector<core::FieldError> errors;
  if (query.limit < 1 || query.limit > kMaxLimit) errors.push_back({"limit", "from 1 to 200"});
  if (query.offset < 0 || query.offset > kMaxOffset) {
    errors.push_back({"offset", "from 0 to 100,000"});
  }
  if (!errors.empty()) throw core::Problem::invalid(errors);
  auto tx = ctx_.db.read();
  auto page = stores::listOutbox(tx, query);
  tx.commit();
  return page;
}

}  // namespace citygrants::usecases
