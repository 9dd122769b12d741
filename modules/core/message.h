#pragma once

#include <concepts>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "modules/i18n/message_keys.h"

// What a person is told, as a key into the server's message catalogs and the values of the
// key's {placeholders}: the words are chosen when the reader's language is known
// (modules/i18n/catalog.h), never where the refusal is made.
namespace citygrants::core {

// A key of the English catalog (modules/i18n/messages/en.json), checked when compiled: a key the
// catalog lacks does not compile.
class MessageKey {
 public:
  consteval MessageKey(const char* key) : key_(key) {  // NOLINT: implicit by design
    if (!i18n::isMessageKey(key_)) throw std::logic_error("not a key of the message catalog");
  }
  constexpr std::string_view name() const { return key_; }
  constexpr bool operator==(const MessageKey&) const = default;

 private:
  std::string_view key_;
};

// One placeholder's value: text written as it is (a code, a name, a reference), a whole number
// (grouped as the reader's language writes numbers), or a term — another key of the catalog,
// such as "state.in_review" or "entity.proposal", written in the reader's language.
struct MessageArg {
  enum class Kind { kText, kNumber, kTerm };

  MessageArg(std::string arg_name, std::string text)
      : name(std::move(arg_name)), value(std::move(text)) {}
  MessageArg(std::string arg_name, const char* text) : name(std::move(arg_name)), value(text) {}
  MessageArg(std::string arg_name, std::string_view text)
      : name(std::move(arg_name)), value(text) {}
  template <std::integral T>
  MessageArg(std::string arg_name, T number)
      : name(std::move(arg_name)), value(std::to_string(number)), kind(Kind::kNumber) {}
  MessageArg(std::string arg_name, MessageKey term)
      : name(std::move(arg_name)), value(term.name()), kind(Kind::kTerm) {}

  // A term known only at run time: `prefix` + `value`, e.g. term("state", "state.", p.state).
  // A term the catalog lacks is written as `value` itself (tests walk every state and event).
  static MessageArg term(std::string arg_name, std::string_view prefix, std::string_view value) {
    MessageArg out(std::move(arg_name), std::string(prefix) + std::string(value));
    out.kind = Kind::kTerm;
    return out;
  }

  std::string name;
  std::string value;
  Kind kind = Kind::kText;
};
using MessageArgs = std::vector<MessageArg>;

// A key and the values of its placeholders. From a string literal alone: Message("field.required").
struct Message {
  consteval Message(const char* key_name) : key(key_name) {}  // NOLINT: implicit by design
  Message(MessageKey message_key, MessageArgs message_args)
      : key(message_key), args(std::move(message_args)) {}

  // Words that are not translated (an operator's command line, a file path): shown as they are
  // in every language.
  static Message verbatim(std::string text) {
    return Message("verbatim", {{"text", std::move(text)}});
  }

  MessageKey key;
  MessageArgs args;
};

}  // namespace citygrants::core
