#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "modules/core/problem.h"

// Whose money a grant is: its award allocated to the donors' funding chapters, and each
// disbursement attributed to them.
namespace citygrants::results {

// The part of a grant's award that one chapter pays.
struct Allocation {
  std::int64_t chapter_id = 0;
  std::int64_t amount_minor = 0;

  bool operator==(const Allocation&) const = default;
};

// A chapter that funds the call, with what it committed and what other grants already hold.
struct ChapterRoom {
  std::int64_t chapter_id = 0;
  std::int64_t committed_minor = 0;
  std::int64_t allocated_elsewhere_minor = 0;

  std::int64_t left() const { return committed_minor - allocated_elsewhere_minor; }
};

// Field errors of `allocations` of an award of `award_minor` among the call's `chapters`:
// each chapter funds the call and is named once, each amount is positive, the amounts add up
// to the award exactly, and no chapter gives more than it has left.
std::vector<core::FieldError> validateAllocations(std::int64_t award_minor,
                                                  const std::vector<Allocation>& allocations,
                                                  const std::vector<ChapterRoom>& chapters);

// The default split of an award: the call's chapters in their order, each giving what it has
// left until the award is covered. nullopt when the chapters together have too little left.
std::optional<std::vector<Allocation>> fillAllocations(std::int64_t award_minor,
                                                       const std::vector<ChapterRoom>& chapters);

// `amount` split pro rata by `weights` (e.g. a disbursement by the grant's allocations):
// each part rounded down, the remainder to the last, so the parts add up to `amount` exactly.
// REQUIRES: weights non-negative with a positive sum; amount >= 0.
std::vector<std::int64_t> attribute(std::int64_t amount, const std::vector<std::int64_t>& weights);

// The weights of `allocations` (their amounts), for attribute().
std::vector<std::int64_t> weightsOf(const std::vector<Allocation>& allocations);

// What each allocation's chapter paid of a grant's `payments` (each attributed on its own), in
// the order of `allocations`; they add up to Σ payments. Empty without allocations.
std::vector<std::int64_t> paidByChapter(const std::vector<std::int64_t>& payments,
                                        const std::vector<Allocation>& allocations);

}  // namespace citygrants::results
