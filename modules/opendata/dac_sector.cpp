#include "modules/opendata/dac_sector.h"

#include <algorithm>

namespace citygrants::opendata {
namespace {

// The services cities run for migrants, refugees and displaced people, by DAC sector.
constexpr DacSector kSectors[] = {
    {"15190", "Facilitation of orderly, safe, regular and responsible migration and mobility"},
    {"11220", "Primary education"},
    {"11231", "Basic life skills for youth"},
    {"11240", "Early childhood education"},
    {"11130", "Teacher training"},
    {"11330", "Vocational training"},
    {"12191", "Medical services"},
    {"12220", "Basic health care"},
    {"12230", "Basic health infrastructure"},
    {"12240", "Basic nutrition"},
    {"12250", "Infectious disease control"},
    {"12261", "Health education"},
    {"12281", "Health personnel development"},
    {"13020", "Reproductive health care"},
    {"14030", "Basic drinking water supply and basic sanitation"},
    {"14032", "Basic sanitation"},
    {"15110", "Public sector policy and administrative management"},
    {"15112", "Decentralisation and support to subnational government"},
    {"15130", "Legal and judicial development"},
    {"15150", "Democratic participation and civil society"},
    {"15160", "Human rights"},
    {"15170", "Women's rights organisations and movements, and government institutions"},
    {"15180", "Ending violence against women and girls"},
    {"15185", "Local government administration"},
    {"15220", "Civilian peace-building, conflict prevention and resolution"},
    {"16010", "Social Protection"},
    {"16020", "Employment creation"},
    {"16030", "Housing policy and administrative management"},
    {"16040", "Low-cost housing"},
    {"16050", "Multisector aid for basic social services"},
    {"16061", "Culture and recreation"},
    {"16070", "Labour rights"},
    {"16080", "Social dialogue"},
    {"24050", "Remittance facilitation, promotion and optimisation"},
    {"25010", "Business policy and administration"},
    {"32130", "Small and medium-sized enterprises (SME) development"},
    {"43030", "Urban development and management"},
    {"43060", "Disaster Risk Reduction"},
    {"72010", "Material relief assistance and services"},
    {"72050", "Relief co-ordination and support services"},
    {"73010", "Immediate post-emergency reconstruction and rehabilitation"},
    {"74020", "Multi-hazard response preparedness"},
};

}  // namespace

std::span<const DacSector> dacSectors() { return kSectors; }

std::vector<std::string> sectorsOf(std::string_view own) {
  std::vector<std::string> out{std::string(kDefaultSector)};
  if (!own.empty() && own != kDefaultSector) out.emplace_back(own);
  return out;
}

bool isDacSector(std::string_view code) {
  return std::any_of(std::begin(kSectors), std::end(kSectors),
                     [&](const DacSector& s) { return s.code == code; });
}

}  // namespace citygrants::opendata
