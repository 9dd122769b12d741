// `export 360giving|iati`: the fund's open data written to a file, for the operator who publishes
// it (a registry, a website) without going through the server.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "services/clock.h"
#include "services/db/database.h"
#include "services/usecases/open_data_service.h"
#include "web/app/commands.h"

namespace citygrants::app {

int runExport(const Settings& s, const std::string& standard) {
  usecases::OpenFormat format;
  if (standard == "360giving") {
    format = usecases::OpenFormat::kGiving360;
  } else if (standard == "iati") {
    format = usecases::OpenFormat::kIati;
  } else {
    throw std::invalid_argument("export what? 360giving or iati, not '" + standard + "'");
  }
  const auto scope = s.getOr("scope", "published");
  if (scope != "published" && scope != "all") {
    throw std::invalid_argument("--scope is published or all, not '" + scope + "'");
  }
  const auto out_path = s.require("out");
  db::Database database(db::parseConnectionString(s.require("db")), {.pool_size = 1});
  auto tx = database.read();
  const auto pub = usecases::publicationIn(tx, scope == "all", services::SystemClock().nowMs());
  tx.commit();
  const auto body = usecases::writeOpenData(pub, format);
  // Written beside the target and renamed over it: a reader never sees half a file.
  const auto partial = out_path + ".partial";
  {
    std::ofstream file(partial, std::ios::binary | std::ios::trunc);
    if (!file) throw std::runtime_error("cannot write " + partial);
    file << body;
    file.close();
    if (!file) throw std::runtime_error("cannot write " + partial);
  }
  if (std::rename(partial.c_str(), out_path.c_str()) != 0) {
    std::remove(partial.c_str());
    throw std::runtime_error("cannot move " + partial + " to " + out_path);
  }
  std::cout << "wrote " << pub.grants.size() << " " << (scope == "all" ? "" : "published ")
            << "grant(s) as " << standard << " to " << out_path << " (" << body.size() << " bytes)\n";
  return 0;
}

}  // namespace citygrants::app
