#include "web/handlers/state_filter.h"

#include <algorithm>

namespace citygrants::handlers {

std::vector<std::string> stateFilter(const http::ApiRequest& req,
                                     std::span<const std::string_view> states,
                                     std::string_view machine) {
  return choiceFilter(req, "state", states, machine);
}

// `what` is not written in the refusal any more: the field error names the values themselves,
// in words every language shares.
std::vector<std::string> choiceFilter(const http::ApiRequest& req, const std::string& name,
                                      std::span<const std::string_view> states,
                                      std::string_view /*what*/) {
  std::vector<std::string> out;
  const auto text = req.queryText(name);
  if (!text) return out;
  const auto known = [&](const std::string& s) {
    return std::find(states.begin(), states.end(), s) != states.end();
  };
  std::size_t start = 0;
  for (;;) {
    const auto end = std::min(text->find(',', start), text->size());
    const auto state = text->substr(start, end - start);
    if (!known(state)) {
      std::string names;
      for (std::size_t i = 0; i < states.size(); ++i) {
        names += (i == 0 ? "" : ", ") + std::string(states[i]);
      }
      throw http::HttpError(400, "bad-query", {"query.bad", {{"name", name}}},
                            {{name, {"query.some_of", {{"values", names}}}}});
    }
    if (std::find(out.begin(), out.end(), state) == out.end()) out.push_back(state);
    if (end == text->size()) return out;
    start = end + 1;
  }
}

}  // namespace citygrants::handlers
