#include "services/usecases/directory_service.h"

#include <algorithm>
#include <cctype>
#include <regex>

#include "modules/access/access_rules.h"
#include "modules/access/account_rules.h"
#include "modules/core/country.h"
#include "modules/core/problem.h"
#include "modules/core/text.h"
#include "modules/opendata/org_id.h"
#include "services/audit/audit_log.h"
#include "services/auth/user_admin_service.h"
#include "services/stores/publisher_store.h"
#include "services/stores/search_store.h"

namespace citygrants::usecases {
namespace {

using core::FieldError;
using core::Problem;

bool knownLanguage(const std::string& lang) {
  return lang == "en" || lang == "fr" || lang == "es" || lang == "pt";
}

std::optional<std::int64_t> actorId(const std::optional<Actor>& actor) {
  if (actor) return actor->user_id;
  return std::nullopt;
}

// "<role> does not fit a <kind> organisation", both in the reader's language.
core::Message roleMisfit(access::Role role, access::OrgKind kind) {
  return {"directory.role_misfit",
          {core::MessageArg::term("role", "role.", access::roleName(role)),
           core::MessageArg::term("kind", "org_kind.", access::orgKindName(kind))}};
}

}  // namespace

void DirectoryService::requireAdmin(const std::optional<Actor>& actor) {
  if (actor && !access::may(*actor, access::Action::kManageUsers)) {
    throw Problem::forbidden("forbidden.manage_users");
  }
}

stores::Organisation DirectoryService::addOrganisation(const std::optional<Actor>& actor,
                                                       stores::Organisation org) {
  requireAdmin(actor);
  std::vector<FieldError> errors;
  auto len = core::utf8Length(org.name);
  if (!len || core::isBlank(org.name) || *len > 200) {
    errors.push_back({"name", {"field.length", {{"min", 1}, {"max", 200}}}});
  }
  if (!knownLanguage(org.language)) errors.push_back({"language", "field.language"});
  if (org.kind == access::OrgKind::kCity ? !core::isCountryCode(org.country)
                                         : !org.country.empty() && !core::isCountryCode(org.country)) {
    errors.push_back({"country", org.kind == access::OrgKind::kCity
                                     ? core::Message("directory.city_country")
                                     : core::Message("directory.country")});
  }
  if (!org.identifier.empty()) {
    if (auto problem = opendata::orgIdProblem(org.identifier)) errors.push_back({"identifier", *problem});
  }
  if (!errors.empty()) throw Problem::invalid(errors);
  const auto now = ctx_.clock.nowMs();
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    if (stores::DirectoryStore::findOrganisationByName(tx, org.name)) {
      throw Problem::invalidField("name", "directory.organisation_taken");
    }
    org.id = stores::DirectoryStore::insertOrganisation(tx, org, now);
    stores::SearchIndex::reindex(tx, stores::SearchIndex::Kind::kOrganisation, org.id);
    audit::appendAudit(tx, {actorId(actor), "organisation", org.id, "create", "", "",
                            Detail()
                                .text("name", org.name)
                                .text("kind", std::string(access::orgKindName(org.kind)))
                                .json(),
                            now});
    std::vector<stores::Organisation> out{*stores::DirectoryStore::findOrganisation(tx, org.id)};
    withOpenIds(tx, out);
    tx.commit();
    return out.front();
  });
}

stores::User DirectoryService::addUser(const std::optional<Actor>& actor, const NewUser& given) {
  requireAdmin(actor);
  NewUser u = given;  // emails are stored lower-case: sign-in compares them so
  std::transform(u.email.begin(), u.email.end(), u.email.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::vector<FieldError> errors;
  static const std::regex kEmail(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)");
  if (u.email.size() > 254 || !std::regex_match(u.email, kEmail)) {
    errors.push_back({"email", "field.email"});
  }
  auto name_len = core::utf8Length(u.name);
  if (!name_len || core::isBlank(u.name) || *name_len > 200) {
    errors.push_back({"name", {"field.length", {{"min", 1}, {"max", 200}}}});
  }
  if (auto why = auth::passwordProblem(u.password)) errors.push_back({"password", *why});
  if (!knownLanguage(u.language)) errors.push_back({"language", "field.language"});
  if (u.roles.empty()) errors.push_back({"roles", "directory.roles_none"});
  if (!errors.empty()) throw Problem::invalid(errors);

  const auto hash = auth::hashPassword(u.password, cost_);  // slow: outside the transaction
  const auto now = ctx_.clock.nowMs();
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    auto org = stores::DirectoryStore::findOrganisationByName(tx, u.org_name);
    if (!org) {
      throw Problem::invalidField("organisation",
                                  {"directory.organisation_unknown", {{"name", u.org_name}}});
    }
    for (std::size_t i = 0; i < u.roles.size(); ++i) {
      if (!access::roleFits(u.roles[i], org->kind)) {
        errors.push_back({"roles[" + std::to_string(i) + "]", roleMisfit(u.roles[i], org->kind)});
      }
    }
    if (!errors.empty()) throw Problem::invalid(errors);
    if (stores::DirectoryStore::findUserByEmail(tx, u.email)) {
      throw Problem::invalidField("email", "directory.email_taken");
    }
    stores::User user;
    user.org_id = org->id;
    user.email = u.email;
    user.name = u.name;
    user.language = u.language;
    user.password_hash = hash;
    user.id = stores::DirectoryStore::insertUser(tx, user, now);
    Detail detail;
    detail.text("email", u.email).number("org_id", org->id);
    for (auto role : u.roles) {
      stores::DirectoryStore::grantRole(tx, user.id, role, actorId(actor), now);
    }
    audit::appendAudit(tx, {actorId(actor), "user", user.id, "create", "", "", detail.json(), now});
    for (auto role : u.roles) {
      audit::appendAudit(tx, {actorId(actor), "user", user.id, "grant_role", "", "",
                              Detail().text("role", std::string(access::roleName(role))).json(), now});
    }
    auto out = *stores::DirectoryStore::findUser(tx, user.id);
    tx.commit();
    return out;
  });
}

void DirectoryService::setPassword(const std::optional<Actor>& actor, const std::string& email,
                                   const std::string& password) {
  requireAdmin(actor);
  if (auto why = auth::passwordProblem(password)) {
    throw Problem::invalidField("password", *why);
  }
  const auto hash = auth::hashPassword(password, cost_);
  const auto now = ctx_.clock.nowMs();
  ctx_.db.write([&](db::Tx& tx) {
    auto user = stores::DirectoryStore::findUserByEmail(tx, email);
    if (!user) throw Problem::notFound("user");
    stores::DirectoryStore::updatePassword(tx, user->id, hash);
    audit::appendAudit(tx, {actorId(actor), "user", user->id, "set_password", "", "", "{}", now});
    tx.commit();
  });
}

void DirectoryService::lock(const std::optional<Actor>& actor, const std::string& email,
                            std::int64_t until) {
  requireAdmin(actor);
  const auto now = ctx_.clock.nowMs();
  ctx_.db.write([&](db::Tx& tx) {
    auto user = stores::DirectoryStore::findUserByEmail(tx, email);
    if (!user) throw Problem::notFound("user");
    stores::DirectoryStore::setLockedUntil(tx, user->id, until);
    Detail detail;
    detail.number("until", until);
    if (until > 0) {  // a lock ends every credential at once, as an admin's (UserAdminService)
      const auto [sessions, tokens] = auth::endCredentials(tx, user->id, now);
      detail.number("sessions_ended", sessions).number("tokens_revoked", tokens);
    }
    audit::appendAudit(tx, {actorId(actor), "user", user->id, until > 0 ? "lock" : "unlock", "", "",
                            detail.json(), now});
    tx.commit();
  });
}

std::vector<stores::User> DirectoryService::users(const Actor& actor) {
  auto tx = ctx_.db.read();
  std::vector<stores::User> out;
  if (access::may(actor, access::Action::kManageUsers)) {
    out = stores::DirectoryStore::listUsers(tx);
  } else {
    out.push_back(*stores::DirectoryStore::findUser(tx, actor.user_id));
  }
  tx.commit();
  return out;
}

stores::User DirectoryService::grantRole(const Actor& actor, std::int64_t user_id, access::Role role) {
  requireAdmin(actor);
  const auto now = ctx_.clock.nowMs();
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    auto user = stores::DirectoryStore::findUser(tx, user_id);
    if (!user) throw Problem::notFound("user");
    auto org = stores::DirectoryStore::findOrganisation(tx, user->org_id);
    if (!access::roleFits(role, org->kind)) {
      throw Problem::invalidField("role", roleMisfit(role, org->kind));
    }
    if (user->roles.has(role)) throw Problem(core::ProblemKind::kConflict, "directory.role_held");
    stores::DirectoryStore::grantRole(tx, user_id, role, actor.user_id, now);
    audit::appendAudit(tx, {actor.user_id, "user", user_id, "grant_role", "", "",
                            Detail().text("role", std::string(access::roleName(role))).json(), now});
    auto out = *stores::DirectoryStore::findUser(tx, user_id);
    tx.commit();
    return out;
  });
}

stores::User DirectoryService::revokeRole(const Actor& actor, std::int64_t user_id, access::Role role) {
  requireAdmin(actor);
  if (user_id == actor.user_id && role == access::Role::kAdmin) {
    throw Problem(core::ProblemKind::kConflict, "directory.own_admin_role");
  }
  const auto now = ctx_.clock.nowMs();
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    auto user = stores::DirectoryStore::findUser(tx, user_id);
    if (!user) throw Problem::notFound("user");
    if (!user->roles.has(role))
      throw Problem(core::ProblemKind::kConflict, "directory.role_not_held");
    stores::DirectoryStore::revokeRole(tx, user_id, role);
    audit::appendAudit(tx, {actor.user_id, "user", user_id, "revoke_role", "", "",
                            Detail().text("role", std::string(access::roleName(role))).json(), now});
    auto out = *stores::DirectoryStore::findUser(tx, user_id);
    tx.commit();
    return out;
  });
}

std::vector<stores::Organisation> DirectoryService::organisations(const Actor&) {
  auto tx = ctx_.db.read();
  auto out = stores::DirectoryStore::listOrganisations(tx);
  withOpenIds(tx, out);
  tx.commit();
  return out;
}

stores::Organisation DirectoryService::setIdentifier(const Actor& actor, std::int64_t org_id,
                                                     std::optional<std::int64_t> expected_version,
                                                     const std::string& identifier) {
  requireAdmin(actor);
  if (!identifier.empty()) {
    if (auto problem = opendata::orgIdProblem(identifier)) throw Problem::invalidField("identifier", *problem);
  }
  const auto now = ctx_.clock.nowMs();
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    auto org = stores::DirectoryStore::findOrganisation(tx, org_id);
    if (!org) throw Problem::notFound("organisation");
    requireVersion(expected_version, org->version, "organisation");
    const auto before = org->identifier;
    org->identifier = identifier;
    stores::DirectoryStore::setIdentifier(tx, *org);
    stores::SearchIndex::reindex(tx, stores::SearchIndex::Kind::kOrganisation, org->id);
    audit::appendAudit(tx, {actor.user_id, "organisation", org->id, "set_identifier", "", "",
                            Detail().text("from", before).text("to", identifier).json(), now});
    std::vector<stores::Organisation> out{*stores::DirectoryStore::findOrganisation(tx, org_id)};
    withOpenIds(tx, out);
    tx.commit();
    return out.front();
  });
}

void withOpenIds(db::Tx& tx, std::vector<stores::Organisation>& orgs) {
  const auto publisher = stores::PublisherStore::load(tx);
  for (auto& o : orgs) {
    if (!o.identifier.empty()) {
      o.open_id = o.identifier;
    } else if (o.id == publisher.fund_org_id && !publisher.iati_ref.empty()) {
      o.open_id = publisher.iati_ref;  // the publishing fund, as its files name it
    } else {
      o.open_id = publisher.giving_prefix.empty() ? ""
                                                  : opendata::fallbackOrgId(publisher.giving_prefix, o.id);
    }
  }
}

}  // namespace citygrants::usecases
