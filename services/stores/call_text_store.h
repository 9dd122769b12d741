#pragma once

#include <cstdint>

#include "modules/records/call.h"
#include "services/db/database.h"

namespace citygrants::stores {

// The words of a call and of its criteria in French, Spanish and Portuguese (call_texts,
// criterion_texts): one row per record, field and language. English is the records' own columns
// (calls.title, calls.description, criteria.name, criteria.guidance).
class CallTextStore {
 public:
  // Reads the translations of `call` and of each of its criteria (two queries).
  // REQUIRES: call.criteria carry their ids.
  static void load(db::Tx& tx, records::Call& call);

  // Writes the translations of `call` and of its criteria.
  // REQUIRES: the call and its criteria are stored without any (new, or cleared by replace).
  static void insert(db::Tx& tx, const records::Call& call);

  // Replaces the call's English title and description, each criterion's English name and
  // guidance (by id), and every translation of the call and its criteria with those of `call`.
  // Leaves the version to CallStore::update.
  static void replace(db::Tx& tx, const records::Call& call);
};

}  // namespace citygrants::stores
