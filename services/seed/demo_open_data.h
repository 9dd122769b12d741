#pragma once

#include <cstdint>
#include <vector>

#include "services/seed/demo_pipeline.h"

// The demo fund as an open-data publisher.
namespace citygrants::seed {

// The admin sets the fund's 360Giving prefix and IATI ref (demo values, not registered ones),
// the UN agencies' and two cities' org-id identifiers; a fund manager publishes Amman's and
// São Paulo's grants with their DAC sectors and names Kampala's sector without publishing it.
// `grant_proposals`: the approved proposals of Kampala, Amman and São Paulo, in that order.
void publishDemo(usecases::Context ctx, DemoPeople& people,
                 const std::vector<std::int64_t>& grant_proposals);

inline constexpr const char* kDemoGivingPrefix = "360G-gcfdemo";
inline constexpr const char* kDemoIatiRef = "XI-IATI-GCFDEMO";

}  // namespace citygrants::seed
