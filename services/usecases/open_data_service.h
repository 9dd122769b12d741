#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "modules/opendata/open_grant.h"
#include "services/stores/grant_store.h"
#include "services/stores/publisher_store.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

struct PublisherView {
  stores::Publisher publisher;
  std::int64_t published_grants = 0;
};

// The two open-data standards the fund publishes in.
enum class OpenFormat { kGiving360, kIati };

// A written open-data file.
struct OpenDataFile {
  std::string body;
  std::int64_t last_modified = 0;  // the latest change to what it holds (epoch ms)
  std::int64_t grants = 0;
};

// The fund's open data: who publishes it, which grants are published, and the files.
class OpenDataService {
 public:
  explicit OpenDataService(Context ctx) : ctx_(ctx) {}

  // Any signed-in user.
  PublisherView publisher(const Actor& actor);
  // REQUIRES: an admin. kInvalid names giving_prefix (opendata::givingPrefixProblem) and iati_ref
  // (opendata::orgIdProblem); "" leaves one unset. Audited.
  PublisherView setPublisher(const Actor& actor, std::optional<std::int64_t> expected_version,
                             const std::string& giving_prefix, const std::string& iati_ref);
  // REQUIRES: a fund manager. Marks the grant publishable or not and sets the service's DAC code
  // (nullopt: none); kInvalid (sector_code) unless opendata::isDacSector. Audited.
  WithActions<stores::Grant> setPublication(const Actor& actor, std::int64_t grant_id,
                                            std::optional<std::int64_t> expected_version,
                                            bool publishable,
                                            const std::optional<std::string>& sector_code);

  // The file of the published grants (anyone, signed in or not), or with `all` of every grant
  // (fund managers and auditors: kForbidden otherwise, kUnauthenticated without an actor; an
  // export audited and rate-limited like the lists', ExportLog).
  // kConflict while the fund has no 360Giving prefix (360Giving) or IATI ref (IATI).
  OpenDataFile file(const std::optional<Actor>& actor, OpenFormat format, bool all);

 private:
  Context ctx_;
};

// The fund's open data in `tx`: every grant (`all`) or the published ones, with their results.
// The operator's CLI export uses it directly.
opendata::Publication publicationIn(db::Tx& tx, bool all, std::int64_t now);

// The file of `pub` in `format`. kConflict while the publisher lacks the identifier it needs.
std::string writeOpenData(const opendata::Publication& pub, OpenFormat format);

}  // namespace citygrants::usecases
