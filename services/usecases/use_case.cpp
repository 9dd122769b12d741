#include "services/usecases/use_case.h"

#include <cstdio>

#include "modules/access/access_rules.h"
#include "modules/core/problem.h"
#include "services/stores/directory_store.h"

namespace citygrants::usecases {

void requireVersion(const std::optional<std::int64_t>& expected, std::int64_t actual,
                    std::string_view entity) {
  if (expected && *expected != actual) {
    throw core::Problem(
        core::ProblemKind::kStaleVersion,
        {"problem.stale_version",
         {core::entityTerm("entity", entity), {"actual", actual}, {"expected", *expected}}});
  }
}

SignedInUser loadSignedInUser(db::Tx& tx, std::int64_t user_id) {
  auto user = stores::DirectoryStore::findSignedIn(tx, user_id);
  if (!user) throw core::Problem::notFound("user");
  if (!user->active) throw core::Problem::forbidden("forbidden.account_deactivated");
  return {Actor{user->id, user->org_id, user->roles}, user->language, user->second_factor};
}

Actor loadActor(db::Tx& tx, std::int64_t user_id) { return loadSignedInUser(tx, user_id).actor; }

stores::Visibility visibilityOf(const Actor& actor) {
  stores::Visibility v;
  v.see_all = access::may(actor, access::Action::kReadAll);
  v.own_city_org_id = actor.roles.has(access::Role::kApplicant) ? actor.org_id : -1;
  v.own_partner_org_id = actor.roles.has(access::Role::kPartner) ? actor.org_id : -1;
  return v;
}

std::string jsonQuote(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

Detail& Detail::text(std::string_view key, const std::optional<std::string>& value) {
  if (value) fields_.emplace_back(std::string(key), jsonQuote(*value));
  return *this;
}

Detail& Detail::number(std::string_view key, const std::optional<std::int64_t>& value) {
  if (value) fields_.emplace_back(std::string(key), std::to_string(*value));
  return *this;
}

Detail& Detail::raw(std::string_view key, std::string json) {
  fields_.emplace_back(std::string(key), std::move(json));
  return *this;
}

Detail& Detail::flag(std::string_view key, bool value) {
  fields_.emplace_back(std::string(key), value ? "true" : "false");
  return *this;
}

std::string Detail::json() const {
  std::string out = "{";
  for (const auto& [k, v] : fields_) {
    if (out.size() > 1) out += ',';
    out += jsonQuote(k) + ":" + v;
  }
  return out + "}";
}

Detail transitionDetail(const TransitionRequest& req) {
  Detail d;
  d.text("reason", req.input.reason)
      .number("amount_minor", req.input.amount_minor)
      .text("payment_reference", req.input.payment_reference)
      .text("idempotency_key", req.input.idempotency_key);
  if (req.input.no_conflict_declared) d.flag("no_conflict_declared", true);
  return d;
}

std::vector<std::string> toStrings(const std::vector<std::string_view>& events) {
  return {events.begin(), events.end()};
}

}  // namespace citygrants::usecases
