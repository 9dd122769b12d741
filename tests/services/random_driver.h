#pragma once

#include <map>
#include <random>
#include <string>
#include <vector>

#include "services/usecases/funding_service.h"
#include "tests/services/fixture.h"

namespace citygrants::testing {

// Fires random use cases at a small fund: mostly events the actor is offered (the resource's
// actions), sometimes any event of the machine, by any user, with input that is sometimes wrong
// or stale. Reproducible from its seed.
class RandomDriver {
 public:
  struct Outcome {
    std::string what;           // "tranche 3 disburse by user 2"
    bool refused = false;       // a Problem: must have written nothing
    bool fault = false;         // anything else: a defect
    std::string fault_message;
  };
  struct Stats {
    int done = 0;
    int refused = 0;
    std::map<std::string, int> refusals;  // by the refusal's message
  };

  RandomDriver(const std::string& name, std::uint64_t seed);
  Outcome step();
  db::Database& db() { return fund_.ctx.db; }
  usecases::FundingService funding() { return usecases::FundingService(fund_.ctx); }
  const access::Actor& fundManager() const { return fund_.fm1; }
  const Stats& stats() const { return stats_; }

 private:
  std::string run(int kind);  // returns what it did; throws what the use case throws
  std::string proposalEvent();
  std::string assignmentEvent();
  std::string grantEvent();
  std::string trancheEvent();
  std::string reportEvent();
  std::string reportEdit();
  std::string score();
  std::string allocate();
  std::string amendmentDraft();  // random_amendments.cpp
  std::string amendmentEvent();

  std::vector<std::int64_t> ids(const std::string& sql);
  std::int64_t anyId(const std::string& table, const std::string& where = "");  // 0 when none
  const access::Actor& anyActor();
  // Mostly (85%) an (actor, event) pair offered by `actions_of` (which may throw for actors who
  // cannot see the record), favouring events that move a record on; else anyone and any event
  // of `machine`.
  struct Choice {
    const access::Actor* actor;
    std::string event;
  };
  template <class ActionsOf>
  Choice choose(std::string_view machine, ActionsOf actions_of);
  int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool chance(int percent) { return below(100) < percent; }
  usecases::TransitionRequest request(const std::string& event, std::int64_t version);

  Fund fund_;
  std::vector<std::int64_t> chapters_;  // the two chapters that fund the call
  std::mt19937_64 rng_;
  std::vector<access::Actor> actors_;
  std::vector<std::string> used_keys_;
  Stats stats_;
  int counter_ = 0;
};

}  // namespace citygrants::testing
