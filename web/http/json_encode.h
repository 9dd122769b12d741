#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "web/http/json_writer.h"

namespace citygrants::http {

using JsonObject = Poco::JSON::Object::Ptr;
using JsonArray = Poco::JSON::Array::Ptr;

// A new object that keeps its keys in insertion order.
JsonObject object();

// {"amount_minor": 12500000, "currency": "USD", "formatted": "USD 125,000.00"}.
JsonObject money(std::int64_t minor, const std::string& currency);
void writeMoney(JsonWriter& w, std::int64_t minor, const std::string& currency);
// The money, or null when absent.
void writeMoney(JsonWriter& w, const std::optional<std::int64_t>& minor, const std::string& currency);

// ISO 8601 UTC with milliseconds: "2026-11-23T09:00:00.000Z".
std::string isoTime(std::int64_t epoch_ms);
// Sets `key` to the ISO time, or null when absent.
void setTime(JsonObject o, const std::string& key, const std::optional<std::int64_t>& epoch_ms);
void setOptional(JsonObject o, const std::string& key, const std::optional<std::int64_t>& value);
void setOptional(JsonObject o, const std::string& key, const std::optional<std::string>& value);

JsonArray strings(const std::vector<std::string>& items);

// A page of a list: {"items": [...], "total": N, "next": "cursor" | null}.
JsonObject page(const JsonArray& items, std::int64_t total, const std::optional<std::string>& next);

}  // namespace citygrants::http
