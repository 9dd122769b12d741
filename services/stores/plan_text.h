#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/results/framework.h"

// A proposal version's targets as one text column (proposal_versions.target_plan), written in the
// same transaction as its proposal_targets rows. Every proposal read and transition loads its
// version's plan: about 60 rows in the demo, fetched one by one through SOCI (17 % of a computed
// proposal read); the column is one value of the version's own row. The rows stay the record
// (exports, results and checks query them); a version whose column is NULL (written before
// migration 0022, or with text the column cannot hold) is read from its rows.
//
// The text is one line per stored row, in row order: code TAB period TAB dimension TAB value TAB
// amount, each line ended by LF.
namespace citygrants::stores::plan_text {

// Adds one stored row to `plans`, as rows come in order: period 0 is the baseline, dimension ""
// a period's total, else one cell of its breakdown.
void addRow(std::vector<results::IndicatorPlan>& plans, std::string_view code, int period,
            std::string_view dimension, std::string_view value, std::int64_t amount);

// Appends one row to `text`; false (text unchanged) when a field holds a TAB or LF.
bool appendRow(std::string& text, std::string_view code, int period, std::string_view dimension,
               std::string_view value, std::int64_t amount);

// The plans the text's rows make; nullopt when the text is not rows of this form.
std::optional<std::vector<results::IndicatorPlan>> decode(std::string_view text);

}  // namespace citygrants::stores::plan_text
