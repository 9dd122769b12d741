#include "services/seed/demo_open_data.h"

#include <string>

#include "services/usecases/directory_service.h"
#include "services/usecases/grant_service.h"
#include "services/usecases/open_data_service.h"

namespace citygrants::seed {
namespace {

// Registered identifiers: the UN agencies' OECD DAC codes, and the cities' Wikidata items.
constexpr std::pair<const char*, const char*> kIdentifiers[] = {
    {"UNHCR", "XM-DAC-41121"},
    {"IOM", "XM-DAC-47066"},
    {"UN-Habitat", "XM-DAC-41120"},
    {"São Paulo", "XI-WIKIDATA-Q174"},
    {"Amman", "XI-WIKIDATA-Q3805"},
};

}  // namespace

void publishDemo(usecases::Context ctx, DemoPeople& people,
                 const std::vector<std::int64_t>& grant_proposals) {
  const auto& admin = people["admin@mmc.demo"];
  const auto& fm = people["fm1@mmc.demo"];
  usecases::OpenDataService open_data(ctx);
  const auto publisher = open_data.publisher(admin);
  open_data.setPublisher(admin, publisher.publisher.version, kDemoGivingPrefix, kDemoIatiRef);
  usecases::DirectoryService directory(ctx);
  for (const auto& o : directory.organisations(admin)) {
    for (const auto& [name, identifier] : kIdentifiers) {
      if (o.name == name) directory.setIdentifier(admin, o.id, o.version, identifier);
    }
  }
  // Kampala's livelihoods hubs: employment creation, not yet published; Amman's early childhood
  // care and São Paulo's school reception: published.
  const std::pair<const char*, bool> kSectors[] = {{"16020", false}, {"11240", true}, {"11220", true}};
  usecases::GrantService grants(ctx);
  for (std::size_t i = 0; i < grant_proposals.size() && i < std::size(kSectors); ++i) {
    const auto g = grants.ofProposal(fm, grant_proposals[i]);
    open_data.setPublication(fm, g.id, g.version, kSectors[i].second, std::string(kSectors[i].first));
  }
}

}  // namespace citygrants::seed
