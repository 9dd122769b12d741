#include "web/http/transition_request.h"

#include "modules/core/money.h"
#include "web/http/json_reader.h"
#include "web/http/metrics.h"

namespace citygrants::http {

usecases::TransitionRequest decodeTransition(const ApiRequest& req, bool with_sector) {
  const auto version = req.ifMatch();
  JsonReader in(req.json());
  usecases::TransitionRequest out;
  out.event = in.text("event", true, 40).value_or("");
  out.expected_version = version;
  out.input.reason = in.text("reason", false, 5000);
  out.input.amount_minor = in.integer("amount_minor", false, 1, 1'000'000'000'000'000);
  out.input.payment_reference = in.text("payment_reference", false, 100);
  out.input.no_conflict_declared = in.boolean("no_conflict_declared", false).value_or(false);
  out.input.eligible_future = in.boolean("eligible_future", false).value_or(false);
  if (with_sector) out.input.sector_code = in.text("sector_code", false, 5);
  if (req.http.has("Idempotency-Key")) {
    const auto key = req.http.get("Idempotency-Key");
    if (key.empty() || key.size() > 200) {
      in.fail("Idempotency-Key", {"field.length", {{"min", 1}, {"max", 200}}});
    }
    out.input.idempotency_key = key;
  }
  in.finish();
  return out;
}

void countTransition(ApiContext& ctx, const std::string& machine, const std::string& event) {
  ctx.metrics.recordTransition(machine, event);
}

}  // namespace citygrants::http
