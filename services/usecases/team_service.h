#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/access/role.h"
#include "services/stores/directory_store.h"
#include "services/stores/team_store.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// How invitations work.
struct InvitationPolicy {
  std::int64_t ttl_ms = 7LL * 24 * 60 * 60 * 1000;  // a link works for 7 days
};

// An organisation's team as its lead sees it.
struct Team {
  stores::Organisation organisation;
  std::vector<stores::User> members;             // active users of the organisation, by id
  std::vector<stores::Invitation> invitations;   // pending now, oldest first
  std::vector<access::Role> roles;               // the roles an invitation may give
};

// An invitation as the lead asks for it; absent members take their defaults.
struct InvitationRequest {
  std::string email;
  std::optional<std::string> role;             // required: the picker has no default
  std::optional<std::string> language;         // default: the organisation's
  std::optional<std::int64_t> organisation_id;  // default: the lead's own
};

// What an organisation lead (users.org_lead) does with their own organisation's team, and the
// admin's setting of the flag. Every change is one transaction with its audit event. A lead's
// refusal by the team rule (access::teamRefusal: another organisation, a misfit role, removing
// oneself) writes nothing but its audit event ("team_refused"); a non-lead's writes nothing.
class TeamService {
 public:
  explicit TeamService(Context ctx, InvitationPolicy policy = {}) : ctx_(ctx), policy_(policy) {}

  // Sets or clears a user's org_lead flag (admin, or the operator at the machine when `actor`
  // is nullopt); audited ("set_org_lead" / "clear_org_lead"). kForbidden for a non-admin,
  // kNotFound for no such user, kInvalid (org_lead) for a deactivated user or a fund's donor.
  stores::User setOrgLead(const std::optional<Actor>& actor, std::int64_t user_id, bool org_lead);

  // The lead's organisation: active members, pending invitations, the roles it may give.
  // kForbidden (team.not_lead) for anyone else.
  Team team(const Actor& actor);

  // Invites `req.email` into the lead's organisation with `req.role`: stores the token's hash,
  // queues the mail in the chosen language, audits "invite_member", in one transaction.
  // Refusals: kInvalid naming email, role (none or unknown, or one the organisation's kind does
  // not allow: directory.role_misfit, as the admin's user creation) or language; kForbidden for
  // a non-lead (team.not_lead) or another organisation (naming organisation_id); kConflict
  // naming email when a member of the lead's own organisation has it or it has a pending
  // invitation there. An email of another organisation's account is not told apart (no oracle):
  // the invitation is made and its acceptance is refused (team.email_taken).
  stores::Invitation invite(const Actor& actor, const InvitationRequest& req);

  // Withdraws a pending invitation of the lead's organisation ("revoke_invitation").
  // kNotFound when there is none such (another organisation's, accepted, revoked).
  void revoke(const Actor& actor, std::int64_t invitation_id);

  // Removes a member of the lead's organisation: the user is deactivated, every session ends and
  // every API token is revoked, audited "remove_member" under the user. kForbidden (naming id)
  // for the lead themselves; kNotFound for a user of another organisation or already removed.
  void remove(const Actor& actor, std::int64_t user_id);

  const InvitationPolicy& policy() const { return policy_; }

 private:
  Context ctx_;
  InvitationPolicy policy_;
};

}  // namespace citygrants::usecases
