#include <set>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/opendata/dac_sector.h"
#include "modules/opendata/iati_codes.h"
#include "modules/opendata/open_grant.h"
#include "modules/opendata/org_id.h"
#include "modules/workflow/grant_flow.h"

// The identifiers and codes the open-data files are built from.
namespace citygrants::opendata {

BOOST_AUTO_TEST_SUITE(opendata_ids)

BOOST_AUTO_TEST_CASE(an_org_id_is_a_two_part_scheme_and_an_identifier) {
  for (const char* good : {"XM-DAC-41121", "XI-WIKIDATA-Q174", "GB-CHC-1234567", "XM-DAC-47066",
                           "XI-IATI-GCFDEMO", "US-EIN-12-3456789", "GB-COH-SC123456"}) {
    BOOST_TEST(!orgIdProblem(good).has_value(), good);
  }
  for (const char* bad : {"", "XM", "XM-DAC", "XM-DAC-", "xm-dac-41121", "X-DAC-1", "XMM-DAC-1",
                          "XM--41121", "XM-dac-41121", "XM-DAC-41 121", "XM-DAC-4112\xc3\xa9",
                          "360G-gcf-ORG-1"}) {
    BOOST_TEST(orgIdProblem(bad).has_value(), bad);
  }
  BOOST_TEST(orgIdProblem("XM-DAC-" + std::string(kMaxIdentifier, '1')).has_value());
}

BOOST_AUTO_TEST_CASE(a_giving_prefix_starts_360G) {
  for (const char* good : {"360G-gcf", "360G-gcf_demo", "360G-GCF-2026"}) {
    BOOST_TEST(!givingPrefixProblem(good).has_value(), good);
  }
  for (const char* bad : {"", "360G-", "360g-gcf", "GCF", "360G-g cf", "360G-gcf/1", "360G-é"}) {
    BOOST_TEST(givingPrefixProblem(bad).has_value(), bad);
  }
  BOOST_TEST(givingPrefixProblem("360G-" + std::string(36, 'a')).has_value());
}

BOOST_AUTO_TEST_CASE(ids_in_the_files_come_from_the_prefix_and_the_reference) {
  BOOST_TEST(fallbackOrgId("360G-gcf", 12) == "360G-gcf-ORG-12");
  BOOST_TEST(openOrgId("", "360G-gcf", 12) == "360G-gcf-ORG-12");
  BOOST_TEST(openOrgId("XM-DAC-41121", "360G-gcf", 12) == "XM-DAC-41121");
  BOOST_TEST(givingGrantId("360G-gcf", "GCF-2026-0001-G") == "360G-gcf-GCF-2026-0001-G");
  BOOST_TEST(iatiIdentifier("XI-IATI-GCF", "GCF-2026-0001-G") == "XI-IATI-GCF-GCF-2026-0001-G");
}

BOOST_AUTO_TEST_CASE(a_grant_carries_the_default_sector_first_and_its_own_once) {
  BOOST_TEST(isDacSector(kDefaultSector));
  BOOST_TEST(dacSectors().front().code == kDefaultSector);
  BOOST_TEST(isDacSector("16020"));
  BOOST_TEST(!isDacSector("99999"));
  BOOST_TEST(!isDacSector(""));
  BOOST_TEST((sectorsOf("") == std::vector<std::string>{"15190"}));
  BOOST_TEST((sectorsOf("15190") == std::vector<std::string>{"15190"}));
  BOOST_TEST((sectorsOf("16020") == std::vector<std::string>{"15190", "16020"}));
  for (std::size_t i = 0; i < dacSectors().size(); ++i) {
    BOOST_TEST(dacSectors()[i].code.size() == 5u);
    BOOST_TEST(!dacSectors()[i].name.empty());
    for (std::size_t k = i + 1; k < dacSectors().size(); ++k) BOOST_TEST(dacSectors()[i].code != dacSectors()[k].code);
  }
}

BOOST_AUTO_TEST_CASE(every_grant_state_has_its_own_activity_status) {
  std::set<std::string_view> seen;
  for (auto state : workflow::kGrantStates) {
    const auto code = iati::activityStatus(state);
    BOOST_TEST(code.size() == 1u);
    BOOST_TEST(seen.insert(code).second, state);
  }
  BOOST_TEST(iati::activityStatus("active") == "2");
  BOOST_TEST(iati::activityStatus("terminated") == "5");
  BOOST_TEST(iati::indicatorMeasure("percentage") == iati::kMeasurePercentage);
  BOOST_TEST(iati::indicatorMeasure("people") == iati::kMeasureUnit);
}

BOOST_AUTO_TEST_CASE(a_grant_is_planned_from_its_signature_or_else_its_award) {
  OpenGrant g;
  g.awarded_at = 1'000;
  g.duration_months = 2;
  BOOST_TEST(g.plannedStart() == 1'000);
  BOOST_TEST(g.plannedEnd() == 1'000 + 2 * kMonthMs);
  g.signed_at = 5'000;
  BOOST_TEST(g.plannedStart() == 5'000);
  g.tranches = {{1, "T1", "disbursed", 300, 0, 6'000}, {2, "T2", "scheduled", 700, 0, std::nullopt},
                {3, "T3", "cancelled", 50, 0, std::nullopt}};
  BOOST_TEST(g.disbursedMinor() == 300);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::opendata
