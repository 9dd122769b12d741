#include "web/http/openapi_schema_parts.h"
#include "web/http/schema_builder.h"

namespace citygrants::http::schemas {

using namespace schema;

// open_data_handlers.cpp and grant_handlers.cpp (putGrantPublication).
void addOpenDataSchemas(JsonObject out) {
  auto fund = closed({{"id", integer()}, {"name", text()}});
  out->set("Publisher", closed({nullableOut("fund", fund),
                                {"giving_prefix", describe(text(), "360G-..., \"\" until set")},
                                {"iati_ref", describe(text(), "the IATI reporting-org ref, \"\" until set")},
                                {"version", atLeast(1)},
                                {"published_grants", integer()},
                                nullableOut("updated_at", dateTime())}));
  out->set("PublisherRequest",
           closed({{"giving_prefix", describe(text(40), "360G- and letters, digits, - or _; \"\" unsets")},
                   {"iati_ref", describe(text(120), "an org-id such as XM-DAC-41121; \"\" unsets")}}));
  out->set("PublicationRequest",
           closed({{"publishable", boolean()},
                   optionalIn("sector_code", describe(text(5), "a code of GET /api/v1/sectors; null or absent: none"))}));
  out->set("Sector", closed({{"code", text()}, {"name", describe(text(), "the OECD's English name")}}));
  out->set("SectorList", closed({{"items", list(ref("Sector"))}}));
  auto package = object();
  package->set("type", "object");
  out->set("GivingPackage",
           describe(package, "a 360Giving 1.4 data package (grants, version): see "
                             "https://standard.threesixtygiving.org/en/latest/"));
  out->set("IatiActivities", describe(text(), "an IATI 2.03 iati-activities document"));
}

}  // namespace citygrants::http::schemas
