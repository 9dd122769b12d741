#include "modules/grants/amendment_terms.h"

#include <algorithm>
#include <set>
#include <string>

#include "modules/core/money.h"
#include "modules/core/text.h"

namespace citygrants::grants {
namespace {

using core::FieldError;

std::string at(std::string_view list, std::size_t i, std::string_view field) {
  return std::string(list) + "[" + std::to_string(i) + "]." + std::string(field);
}

const records::LineChange* lineOf(const GrantTerms& t, std::int64_t id) {
  for (const auto& l : t.budget_lines) {
    if (l.budget_line_id == id) return &l;
  }
  return nullptr;
}

const records::TermTranche* trancheOf(const GrantTerms& t, int seq) {
  for (const auto& tr : t.tranches) {
    if (tr.seq == seq) return &tr;
  }
  return nullptr;
}

std::int64_t sumLines(const std::vector<records::LineChange>& lines) {
  std::int64_t sum = 0;
  for (const auto& l : lines) sum = core::checkedAdd(sum, l.amount_minor);
  return sum;
}

void amountErrors(const GrantTerms& now, std::int64_t amount, const TermsContext& ctx,
                  std::vector<FieldError>& e) {
  if (amount <= 0) {
    e.push_back({"amount_minor", "field.positive"});
  } else if (amount == now.amount_minor) {
    e.push_back({"amount_minor", "amendment.amount_unchanged"});
  } else if (amount < disbursedOf(now)) {
    e.push_back({"amount_minor", "amendment.amount_below_disbursed"});
  } else if (amount - now.amount_minor > ctx.call_left_minor) {
    e.push_back({"amount_minor", "amendment.amount_beyond_call_budget"});
  }
}

void lineErrors(const GrantTerms& now, const AmendmentTerms& change, std::vector<FieldError>& e) {
  std::set<std::int64_t> seen;
  bool known = true;
  for (std::size_t i = 0; i < change.budget_lines.size(); ++i) {
    const auto& l = change.budget_lines[i];
    if (lineOf(now, l.budget_line_id) == nullptr) {
      e.push_back({at("budget_lines", i, "budget_line_id"), "amendment.line_unknown"});
      known = false;
    } else if (!seen.insert(l.budget_line_id).second) {
      e.push_back({at("budget_lines", i, "budget_line_id"), "field.twice"});
      known = false;
    }
    if (l.amount_minor < 0) {
      e.push_back({at("budget_lines", i, "amount_minor"), "field.not_negative"});
      known = false;
    }
  }
  if (known && !change.budget_lines.empty() &&
      sumLines(applied(now, {std::nullopt, std::nullopt, change.budget_lines, {}}).budget_lines) !=
          sumLines(now.budget_lines)) {
    e.push_back({"budget_lines", "amendment.reallocation_sum"});
  }
}

// Whether every re-planned tranche is known, once, replannable and well formed.
bool trancheErrors(const GrantTerms& now, const AmendmentTerms& change,
                   std::vector<FieldError>& e) {
  std::set<int> seen;
  bool sound = true;
  for (std::size_t i = 0; i < change.tranches.size(); ++i) {
    const auto& p = change.tranches[i];
    const auto* current = trancheOf(now, p.seq);
    const auto seq_field = at("tranches", i, "seq");
    if (current == nullptr) {
      e.push_back({seq_field, "amendment.tranche_unknown"});
      sound = false;
    } else if (!seen.insert(p.seq).second) {
      e.push_back({seq_field, "field.twice"});
      sound = false;
    } else if (current->state != kReplannable) {
      e.push_back({seq_field, "amendment.tranche_untouchable"});
      sound = false;
    }
    if (p.amount_minor < 0) {
      e.push_back({at("tranches", i, "amount_minor"), "field.not_negative"});
      sound = false;
    }
    const auto chars = core::utf8Length(p.milestone);
    if (!chars || *chars > kMaxMilestoneChars) {
      e.push_back({at("tranches", i, "milestone"),
                   {"field.too_long", {{"max", static_cast<std::int64_t>(kMaxMilestoneChars)}}}});
    }
  }
  return sound;
}

}  // namespace

std::int64_t disbursedOf(const GrantTerms& now) {
  std::int64_t sum = 0;
  for (const auto& t : now.tranches) {
    if (t.state == "disbursed") sum = core::checkedAdd(sum, t.amount_minor);
  }
  return sum;
}

std::vector<FieldError> termErrors(const GrantTerms& now, const AmendmentTerms& change,
                                   const TermsContext& ctx) {
  std::vector<FieldError> e;
  if (!change.ends_at && !change.amount_minor && change.budget_lines.empty() &&
      change.tranches.empty()) {
    e.push_back({"kinds", "amendment.no_change"});
    return e;
  }
  if (change.ends_at && *change.ends_at <= ctx.starts_at) {
    e.push_back({"ends_at", "amendment.end_before_start"});
  }
  if (change.amount_minor) amountErrors(now, *change.amount_minor, ctx, e);
  if (change.budget_lines.size() > kMaxLines) {
    e.push_back({"budget_lines", {"field.max_items", {{"max", static_cast<std::int64_t>(kMaxLines)}}}});
  } else {
    lineErrors(now, change, e);
  }
  if (change.tranches.size() > kMaxTranches) {
    e.push_back({"tranches", {"field.max_items", {{"max", static_cast<std::int64_t>(kMaxTranches)}}}});
    return e;
  }
  const bool sound = trancheErrors(now, change, e);
  const bool amount_sound = !change.amount_minor || *change.amount_minor > 0;
  if (sound && amount_sound) {
    const auto after = applied(now, change);
    std::int64_t sum = 0;
    for (const auto& t : after.tranches) sum = core::checkedAdd(sum, t.amount_minor);
    if (sum != after.amount_minor) e.push_back({"tranches", "amendment.tranches_sum"});
  }
  return e;
}

GrantTerms applied(const GrantTerms& now, const AmendmentTerms& change) {
  GrantTerms out = now;
  out.number = now.number + 1;
  out.amendment_id.reset();
  if (change.amount_minor) out.amount_minor = *change.amount_minor;
  if (change.ends_at) out.ends_at = *change.ends_at;
  for (const auto& l : change.budget_lines) {
    for (auto& line : out.budget_lines) {
      if (line.budget_line_id == l.budget_line_id) line.amount_minor = l.amount_minor;
    }
  }
  for (const auto& p : change.tranches) {
    for (auto& t : out.tranches) {
      if (t.seq != p.seq) continue;
      t.amount_minor = p.amount_minor;
      t.milestone = p.milestone;
      t.planned_at = p.planned_at;
      if (p.amount_minor == 0) t.state = "cancelled";
    }
  }
  return out;
}

std::int64_t reallocationShareBp(const GrantTerms& now, const AmendmentTerms& change) {
  if (now.amount_minor <= 0) return 0;
  std::int64_t moved = 0;
  for (const auto& l : change.budget_lines) {
    const auto* line = lineOf(now, l.budget_line_id);
    if (line != nullptr && l.amount_minor > line->amount_minor) {
      moved = core::checkedAdd(moved, l.amount_minor - line->amount_minor);
    }
  }
  // moved <= the grant's lines, far below 2^63 / 10^4 for any amount a fund gives.
  return moved / now.amount_minor * 10000 + (moved % now.amount_minor) * 10000 / now.amount_minor;
}

bool isIncrease(const GrantTerms& now, const AmendmentTerms& change) {
  return change.amount_minor && *change.amount_minor > now.amount_minor;
}

}  // namespace citygrants::grants
