#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/access/role.h"
#include "services/db/database.h"

namespace citygrants::stores {

// An invitation into an organisation as stored: only the token's SHA-256.
struct Invitation {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  std::string email;  // lower-case
  access::Role role = access::Role::kApplicant;
  std::string language = "en";  // of the mail and of the account it makes
  std::string token_hash;
  std::int64_t invited_by = 0;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
  std::optional<std::int64_t> accepted_at;
  std::optional<std::int64_t> accepted_user_id;
  std::optional<std::int64_t> revoked_at;

  // Neither accepted nor revoked, and not expired at `now`.
  bool pending(std::int64_t now) const { return !accepted_at && !revoked_at && expires_at > now; }
};

// The team_invitations table and the users.org_lead flag.
class TeamStore {
 public:
  static std::int64_t insertInvitation(db::Tx& tx, const Invitation& inv);
  static std::optional<Invitation> findByTokenHash(db::Tx& tx, const std::string& token_hash);
  static std::optional<Invitation> loadInvitation(db::Tx& tx, std::int64_t id);
  // The organisation's invitations pending at `now`, oldest first.
  static std::vector<Invitation> pendingOf(db::Tx& tx, std::int64_t org_id, std::int64_t now);
  // Whether `email` has an invitation into `org_id` pending at `now`.
  static bool hasPending(db::Tx& tx, std::int64_t org_id, const std::string& email,
                         std::int64_t now);
  // Marks a pending invitation accepted by `user_id`. Answers false when it was no longer
  // pending (accepted or revoked by a request that won the race): nothing is written then.
  static bool markAccepted(db::Tx& tx, std::int64_t id, std::int64_t user_id, std::int64_t now);
  // Marks a not yet accepted or revoked invitation revoked; false when it was not open.
  static bool markRevoked(db::Tx& tx, std::int64_t id, std::int64_t now);

  // Sets or clears users.org_lead (the user's version moves on).
  static void setOrgLead(db::Tx& tx, std::int64_t user_id, bool org_lead);
  // Deactivates a user and clears their lead flag (the version moves on).
  static void deactivateUser(db::Tx& tx, std::int64_t user_id);
  // Revokes every API token of the user not yet revoked; answers how many.
  static std::int64_t revokeTokensOf(db::Tx& tx, std::int64_t user_id, std::int64_t now);
};

}  // namespace citygrants::stores
