#pragma once

#include <string>
#include <vector>

#include "modules/opendata/open_grant.h"
#include "services/db/database.h"

namespace citygrants::stores {

// The grants as the open-data files describe them: their terms, texts, city and partner,
// tranches and donors' shares (not their results: see usecases::grantResultsIn). A fixed number
// of statements, whatever the number of grants.
class OpenDataStore {
 public:
  // Every grant (`all`), or only those marked publishable, in id order. Organisations without an
  // org-id identifier are named by opendata::fallbackOrgId(`prefix`, id).
  static std::vector<opendata::OpenGrant> grants(db::Tx& tx, bool all, const std::string& prefix);
};

}  // namespace citygrants::stores
