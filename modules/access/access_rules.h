#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "modules/access/role.h"

namespace citygrants::access {

// Actions outside the workflow machines (those carry their roles in their tables).
enum class Action : std::uint8_t {
  kReadAll,            // see every record of the fund
  kManageUsers,        // add users, grant roles, lock accounts
  kManageOrganisations,
  kSetUpCall,          // create a call, edit a draft call's criteria, budget and tranche plan
  kCreateProposal,     // start a concept note or proposal for the actor's city
  kEditProposal,       // edit a draft of the actor's city
  kAssignPartner,      // assign a partner to review, set the supporting partner
  kScoreReview,        // score an assignment of the actor's organisation
  kEditReport,         // write a report of the actor's city's grant
  kReadAudit,          // read and verify the audit chain
  kManageIndicators,   // add and edit the fund's indicator catalog
  kManageFunding,      // add and edit donors' funding chapters
  kAllocateAward,      // split a grant's award among chapters
  kPublishGrant,       // mark a grant publishable as open data, name its DAC sector
  kExportEverything,   // the open-data files of every grant, published or not
  kReadOutbox,         // the mail the fund sends: queued, sent, failed, dead and discarded
  kManageOutbox,       // requeue a dead message, discard an unsent one
  kRequestAmendment,   // the grant's city asks for a change to its running grant
  kProposeAmendment,   // a fund manager proposes a change to a running grant
};

// How far an action reaches: the whole fund, or only records of the actor's organisation.
enum class Reach : std::uint8_t { kFund, kOwnCity, kOwnPartner };

// One row of the permission table: `who` may do `action` within `reach`.
struct Permission {
  Action action;
  RoleSet who;
  Reach reach;
};

std::span<const Permission> permissionTable();

// Whether a record with `scope` is within `reach` of the actor's organisation: every record for
// kFund, the actor's city's for kOwnCity, one assigned to or supported by the actor's
// organisation for kOwnPartner. (The roles are not looked at.)
bool withinReach(const Actor& actor, Reach reach, const Scope& scope);
std::string_view actionName(Action action);

// Whether `actor` may do `action` on a record with `scope` (ignored for fund-wide reach).
bool may(const Actor& actor, Action action, const Scope& scope = {});

// Whether `actor`, acting in `role`, acts for a record with `scope`: applicants for their own
// city, partners for records assigned to or supported by their organisation, fund staff for all.
bool actsAs(const Actor& actor, Role role, const Scope& scope);

// Whether `actor` may see a record with `scope` at all. A record one may not see is "not found".
bool canSee(const Actor& actor, const Scope& scope);

}  // namespace citygrants::access
