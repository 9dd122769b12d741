#include "services/usecases/audit_service.h"

#include "modules/access/access_rules.h"
#include "modules/core/problem.h"
#include "services/stores/people_store.h"

namespace citygrants::usecases {

void requireAuditReader(const Actor& actor) {
  if (!access::may(actor, access::Action::kReadAudit)) {
    throw core::Problem::forbidden("forbidden.read_audit");
  }
}

void checkAuditFilter(db::Tx& tx, const audit::AuditFilter& filter) {
  if (filter.from && filter.to && *filter.to <= *filter.from) {
    throw core::Problem::invalidField("to", "audit.to_after_from");
  }
  if (filter.reference && !audit::referenceExists(tx, *filter.reference)) {
    throw core::Problem::invalidField(
        "reference", {"audit.unknown_reference", {{"reference", filter.reference->text}}});
  }
}

void discloseActors(const Actor& reader, const access::Parties& parties,
                    std::vector<audit::AuditRow>& rows) {
  for (auto& r : rows) {
    r.actor.reset();
    if (r.person) r.actor = access::discloseTo(reader, *r.person, parties);
  }
}

AuditService::Page AuditService::list(const Actor& actor, const audit::AuditFilter& filter,
                                      const std::optional<std::int64_t>& before_seq, int limit) {
  requireAuditReader(actor);
  auto tx = ctx_.db.read();
  checkAuditFilter(tx, filter);
  Page out{audit::listAudit(tx, filter, before_seq, limit), audit::countAudit(tx, filter)};
  tx.commit();
  // The chain spans every record: the reader's own reach decides (auditors and fund managers
  // know everyone, access::disclosureTable).
  discloseActors(actor, access::Parties{}, out.rows);
  return out;
}

std::vector<access::ActorView> AuditService::people(const Actor& actor) {
  requireAuditReader(actor);
  auto tx = ctx_.db.read();
  const auto everyone = stores::PeopleStore::everyone(tx);
  tx.commit();
  std::vector<access::ActorView> out;
  out.reserve(everyone.size());
  for (const auto& p : everyone) out.push_back(access::discloseTo(actor, p, access::Parties{}));
  return out;
}

audit::Verification AuditService::verify(const Actor& actor) {
  requireAuditReader(actor);
  return audit::verifyAudit(ctx_.db);
}

}  // namespace citygrants::usecases
