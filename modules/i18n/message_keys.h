#pragma once

#include <string_view>

namespace citygrants::i18n {

// Every key of the English message catalog (modules/i18n/messages/en.json), written by
// ops/cmake/message_keys.cmake each time CMake configures (and whenever en.json changes).
inline constexpr std::string_view kMessageKeys[] = {
#include "message_keys.inc"
};

// Whether `key` is a key of the English catalog. Used when compiling (core::MessageKey).
constexpr bool isMessageKey(std::string_view key) {
  for (auto k : kMessageKeys) {
    if (k == key) return true;
  }
  return false;
}

}  // namespace citygrants::i18n
