#pragma once

#include <vector>

#include "modules/proposals/validation.h"
#include "services/stores/call_store.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// A call as a reader sees it, with the events they may fire now.
using CallView = WithActions<stores::Call>;

// The words of a call as PUT /calls/{id}/texts replaces them: the title and description in
// English with their translations, and each criterion's name and guidance (the criterion named
// by its code) with theirs.
struct CallTexts {
  struct Criterion {
    std::string code;
    std::string name;
    std::string guidance;
    std::vector<i18n::Translation> translations;
  };
  std::string title;
  std::string description;
  std::vector<i18n::Translation> translations;
  std::vector<Criterion> criteria;
};

// Setting up, opening, closing and archiving calls (funding rounds).
class CallService {
 public:
  explicit CallService(Context ctx) : ctx_(ctx) {}

  // Creates a draft call. REQUIRES: actor may set up calls (admin, fund manager).
  // Every invalid field is named: code, title, currency, money, dates, criteria, tranche plan,
  // indicators and chapters (as chooseIndicators and chooseChapters check them).
  CallView create(const Actor& actor, stores::Call call);

  // Replaces the indicators the call chose (its results framework). REQUIRES: actor may set up
  // calls; the call is not archived (kInvalidTransition). kInvalid names each unknown, inactive
  // or repeated indicator; kConflict when one left out already has targets or results stated.
  CallView chooseIndicators(const Actor& actor, std::int64_t call_id,
                            std::optional<std::int64_t> expected_version,
                            const std::vector<stores::CallIndicator>& indicators);

  // Replaces the chapters that fund the call, in the order awards draw on them. REQUIRES as
  // above. kInvalid names each unknown or repeated chapter and one in another currency;
  // kConflict when one left out holds an allocation of the call's grants.
  CallView chooseChapters(const Actor& actor, std::int64_t call_id,
                          std::optional<std::int64_t> expected_version,
                          const std::vector<std::int64_t>& chapters);

  // Replaces the call's words (CallTexts) in every language at once; weights, codes and terms
  // stay. REQUIRES: actor may set up calls; the call is not archived (kInvalidTransition).
  // kInvalid names each text too long or missing, each translation in another language than
  // fr, es or pt or of a field the record lacks, and each criterion code unknown, repeated or
  // left out (every criterion is named once). Audited; the call's version moves.
  CallView editTexts(const Actor& actor, std::int64_t call_id,
                     std::optional<std::int64_t> expected_version, const CallTexts& texts);

  // Fires open | close | archive.
  CallView fire(const Actor& actor, std::int64_t call_id, const TransitionRequest& req);

  // Any signed-in user sees calls (cities must know what they can apply to).
  CallView get(const Actor& actor, std::int64_t call_id);
  std::vector<CallView> list(const Actor& actor);
  std::vector<std::string> actions(const Actor& actor, const stores::Call& call);

 private:
  Context ctx_;
};

// The call's terms that proposal validation needs.
proposals::CallTerms termsOf(const stores::Call& call);

}  // namespace citygrants::usecases
