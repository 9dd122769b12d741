#include <utility>

#include "tests/web/malformed_corpus.h"

namespace citygrants::webtest {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;  // name, JSON text of the value

// A route with a body that would pass, except for what each case spoils. Every base is chosen so
// that even a wrongly accepted body could not succeed (an event the sender may not fire, an email
// that does not exist), and is never sent unspoiled.
struct Target {
  std::string method;
  std::string path;
  Sender sender;
  Headers headers;
  Fields base;
};

std::string object(const Fields& fields) {
  std::string out = "{";
  for (const auto& [name, value] : fields) out += (out.size() > 1 ? "," : "") + quoted(name) + ":" + value;
  return out + "}";
}

Fields with(Fields fields, const std::string& name, const std::string& value) {
  for (auto& [n, v] : fields) {
    if (n == name) {
      v = value;
      return fields;
    }
  }
  fields.emplace_back(name, value);
  return fields;
}

Fields without(Fields fields, const std::string& name) {
  std::erase_if(fields, [&](const auto& f) { return f.first == name; });
  return fields;
}

std::string str(const std::string& text) { return quoted(text); }

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string list(const std::string& item, std::size_t n) {
  std::string out = "[";
  for (std::size_t i = 0; i < n; ++i) out += (i ? "," : "") + item;
  return out + "]";
}

struct Builder {
  std::vector<MalformedCase> cases;

  void raw(const Target& t, const std::string& what, const std::string& body, int expect,
           const std::string& field = "") {
    MalformedCase c{what, t.method, t.path, "application/json", body, t.headers, expect, t.sender};
    c.field = field;
    cases.push_back(std::move(c));
  }
  // The base with `name` set to `value`: refused 422 naming `field` (default: `name`).
  void field(const Target& t, const std::string& name, const std::string& value, const std::string& field = "") {
    raw(t, name + " = " + value.substr(0, 40), object(with(t.base, name, value)), 422,
        field.empty() ? name : field);
  }
  void missing(const Target& t, const std::string& name) {
    raw(t, "without " + name, object(without(t.base, name)), 422, name);
  }
};

// Bodies that are not a JSON object at all: 400 wherever JSON is read.
std::vector<std::pair<std::string, int>> badJson() {
  std::vector<std::pair<std::string, int>> out = {
      {"", 400}, {" ", 400}, {"{", 400}, {"}", 400}, {"{\"title\":", 400}, {"{\"title\":\"abc", 400},
      {"{\"title\":\"a\"} x", 400}, {"{\"title\":\"a\"}}", 400}, {"{\"a\":1}{\"b\":2}", 400}, {"[]", 400},
      {"[{\"title\":\"a\"}]", 400}, {"\"a string\"", 400}, {"42", 400}, {"-1.5e3", 400}, {"true", 400},
      {"null", 400}, {"{'title':'a'}", 400}, {"{title:\"a\"}", 400}, {"{\"a\" 1}", 400},
      {"{\"a\":1,,\"b\":2}", 400}, {"{\"a\":tru}", 400}, {"{\"a\":\"\\x41\"}", 400}, {"{\"a\":\"\\u12\"}", 400},
      {"{\"a\":1,}", kAny4xx}, {"{\"a\":NaN}", kAny4xx}, {"{\"a\":\"line\nbreak\"}", kAny4xx},
      {"/* c */ {}", kAny4xx}, {"{\"a\":01}", kAny4xx},
  };
  out.emplace_back("{\"a\":" + repeat("[", 17) + repeat("]", 17) + "}", 400);
  out.emplace_back(repeat("[", 1000) + repeat("]", 1000), 400);
  out.emplace_back(repeat("{\"a\":", 20) + "1" + repeat("}", 20), 400);
  return out;
}

}  // namespace

std::vector<MalformedCase> bodyCases(const CorpusTargets& t) {
  const std::string call = std::to_string(t.open_call);
  const Headers draft_match = {{"If-Match", "\"v" + std::to_string(t.own_draft_version) + "\""}};
  const Target p_new{"POST", "/api/v1/proposals", Sender::kApplicant, {}, {{"call_id", call}, {"title", str("Title")}}};
  const Target p_put{"PUT", "/api/v1/proposals/" + std::to_string(t.own_draft), Sender::kApplicant, draft_match,
                     {{"title", str("Title")}}};
  const Target c_new{"POST", "/api/v1/calls", Sender::kFundManager, {},
                     {{"code", str("GCF-T")}, {"title", str("T")}, {"budget_minor", "100000"},
                      {"min_award_minor", "1000"}, {"max_award_minor", "5000"}, {"threshold_minor", "3000"},
                      {"closes_at", str("2030-01-01T00:00:00Z")}}};
  // The applicant may not invite; a wrongly accepted body would be refused 403, never succeed.
  const Target p_tr{"POST", "/api/v1/proposals/" + std::to_string(t.own_draft) + "/transitions",
                    Sender::kApplicant, draft_match, {{"event", str("invite")}}};
  // An award of 1.00 is within the threshold: propose_award would be refused 409.
  const Target f_tr{"POST", "/api/v1/proposals/" + std::to_string(t.reviewed) + "/transitions",
                    Sender::kFundManager,
                    {{"If-Match", "\"v" + std::to_string(t.reviewed_version) + "\""}, {"Idempotency-Key", "corpus-1"}},
                    {{"event", str("propose_award")}, {"reason", str("r")}, {"amount_minor", "100"}}};
  // A draft call cannot be closed.
  const Target c_tr{"POST", "/api/v1/calls/" + std::to_string(t.draft_call) + "/transitions", Sender::kFundManager,
                    {{"If-Match", "\"v" + std::to_string(t.draft_call_version) + "\""}}, {{"event", str("close")}}};
  const Target s_new{"POST", "/api/v1/session", Sender::kAnonymous, {},
                     {{"email", str("corpus@nowhere.demo")}, {"password", str("wrong")}}};
  const Target t_new{"POST", "/api/v1/tokens", Sender::kApplicant, {}, {{"name", str("corpus")}}};

  Builder b;
  // Bad JSON: every body on the proposal create, the first eight on every other body.
  const auto bad = badJson();
  for (std::size_t i = 0; i < bad.size(); ++i) {
    b.raw(p_new, "bad JSON #" + std::to_string(i), bad[i].first, bad[i].second);
    if (i >= 8 || bad[i].second != 400) continue;
    for (const auto* target : {&p_put, &c_new, &p_tr, &c_tr, &s_new, &t_new}) {
      b.raw(*target, "bad JSON #" + std::to_string(i), bad[i].first, bad[i].second);
    }
  }

  // Wrong types, field by field.
  for (const auto& v : {str("1"), std::string("1.5"), std::string("true"), std::string("[1]"), std::string("{}")}) {
    b.field(p_new, "call_id", v);
  }
  b.field(p_new, "language", "1");
  b.field(p_new, "language", "[\"en\"]");
  b.field(p_new, "title", "1");
  b.field(p_new, "title", "false");
  b.field(p_new, "title", "{}");
  b.field(p_new, "summary", "[]");
  b.field(p_new, "target_groups", str("migrants"));
  b.field(p_new, "target_groups", "{}");
  b.field(p_new, "target_groups", "[1]", "target_groups[0]");
  b.field(p_new, "target_groups", "[[\"a\"]]", "target_groups[0]");
  b.field(p_new, "beneficiaries", str("5"));
  b.field(p_new, "beneficiaries", "-1");
  b.field(p_new, "duration_months", str("24"));
  b.field(p_new, "duration_months", "24.0");
  b.field(p_new, "duration_months", "121");
  b.field(p_new, "amount_minor", str("100"));
  b.field(p_new, "amount_minor", "true");
  b.field(p_new, "budget", str("x"));
  b.field(p_new, "budget", "{}");
  b.field(p_new, "budget", "[1]", "budget[0]");
  b.field(p_new, "budget", "[{\"category\":1,\"amount_minor\":5}]", "budget[0].category");
  b.field(p_new, "budget", "[{\"category\":\"personnel\",\"amount_minor\":\"5\"}]", "budget[0].amount_minor");
  b.field(p_new, "budget", "[{\"category\":\"p\",\"amount_minor\":5,\"description\":[]}]", "budget[0].description");
  b.field(p_put, "title", "1");
  b.field(p_put, "summary", "{}");
  b.field(p_put, "beneficiaries", str("x"));
  b.field(p_put, "amount_minor", "1.5");
  b.field(p_put, "budget", str("x"));
  b.field(p_put, "duration_months", "true");
  b.field(c_new, "code", "1");
  b.field(c_new, "title", "[]");
  b.field(c_new, "description", "5");
  b.field(c_new, "two_stage", str("yes"));
  b.field(c_new, "two_stage", "1");
  b.field(c_new, "currency", "840");
  b.field(c_new, "budget_minor", str("100000"));
  b.field(c_new, "min_award_minor", "1.5");
  b.field(c_new, "max_award_minor", "true");
  b.field(c_new, "threshold_minor", "[]");
  b.field(c_new, "max_duration_months", str("24"));
  b.field(c_new, "max_duration_months", "61");
  b.field(c_new, "max_duration_months", "0");
  b.field(c_new, "criteria", str("x"));
  b.field(c_new, "criteria", "[1]", "criteria[0]");
  b.field(c_new, "criteria", "[{\"code\":1,\"name\":\"n\",\"weight\":5}]", "criteria[0].code");
  b.field(c_new, "criteria", "[{\"code\":\"c\",\"name\":\"n\",\"weight\":\"5\"}]", "criteria[0].weight");
  b.field(c_new, "criteria", "[{\"code\":\"c\",\"name\":\"n\",\"weight\":101}]", "criteria[0].weight");
  b.field(c_new, "tranche_plan", "[{\"share_bp\":0,\"trigger\":\"signature\"}]", "tranche_plan[0].share_bp");
  b.field(c_new, "tranche_plan", "[{\"share_bp\":10001,\"trigger\":\"signature\"}]", "tranche_plan[0].share_bp");
  b.field(c_new, "tranche_plan", "[{\"share_bp\":100,\"trigger\":5}]", "tranche_plan[0].trigger");
  for (const auto* target : {&p_tr, &c_tr, &f_tr}) {
    b.field(*target, "event", "1");
    b.field(*target, "event", "[]");
    b.field(*target, "reason", "5");
  }
  b.field(p_tr, "reason", "{}");
  b.field(f_tr, "amount_minor", str("5"));
  b.field(f_tr, "payment_reference", "7");
  b.field(f_tr, "no_conflict_declared", str("true"));
  b.field(f_tr, "no_conflict_declared", "1");
  b.field(f_tr, "eligible_future", str("no"));
  b.field(f_tr, "eligible_future", "0");
  b.field(s_new, "email", "1");
  b.field(s_new, "password", "[]");
  b.field(s_new, "password", "true");
  b.field(t_new, "name", "5");
  b.field(t_new, "name", "[]");

  // Unknown fields: never ignored.
  b.field(p_new, "evil", "1");
  b.field(p_new, "city_org_id", "7");
  b.field(p_put, "state", str("approved"));
  b.field(p_put, "version", "99");
  b.field(p_put, "call_id", call);
  b.field(c_new, "state", str("open"));
  b.field(p_tr, "to", str("approved"));
  b.field(f_tr, "actor_id", "1");
  b.field(s_new, "remember_me", "true");
  b.field(t_new, "user_id", "1");
  b.field(p_new, "budget", "[{\"category\":\"p\",\"amount_minor\":5,\"evil\":1}]", "budget[0].evil");

  // Missing required fields (and null, which counts as missing).
  b.missing(p_new, "call_id");
  b.field(p_new, "call_id", "null");
  b.field(p_new, "budget", "[{\"amount_minor\":5}]", "budget[0].category");
  b.field(p_new, "budget", "[{\"category\":\"personnel\"}]", "budget[0].amount_minor");
  for (const char* name : {"code", "title", "budget_minor", "min_award_minor", "max_award_minor", "threshold_minor",
                           "closes_at"}) {
    b.missing(c_new, name);
  }
  b.field(c_new, "criteria", "[{\"code\":\"c\",\"name\":\"n\"}]", "criteria[0].weight");
  b.field(c_new, "tranche_plan", "[{\"share_bp\":100}]", "tranche_plan[0].trigger");
  b.missing(p_tr, "event");
  b.missing(c_tr, "event");
  b.field(f_tr, "event", "null");
  b.missing(s_new, "email");
  b.missing(s_new, "password");
  b.missing(t_new, "name");
  b.field(t_new, "name", "null");

  // Overlong strings and lists.
  b.field(p_new, "title", str(std::string(201, 'a')));
  b.field(p_new, "title", str(repeat("\xc3\xa9", 201)));  // 201 characters, 402 bytes
  b.field(p_put, "title", str(std::string(201, 'a')));
  b.field(c_new, "title", str(std::string(201, 'a')));
  b.field(p_put, "summary", str(std::string(20'001, 's')));
  b.field(p_tr, "reason", str(std::string(5001, 'r')));
  b.field(c_tr, "reason", str(std::string(5001, 'r')));
  b.field(f_tr, "reason", str(repeat("\xe2\x82\xac", 5001)));
  b.field(c_new, "code", str(std::string(33, 'C')));
  b.field(c_new, "currency", str("USDX"));
  b.field(p_new, "language", str("eng"));
  b.field(s_new, "email", str(std::string(245, 'e') + "@demo.test"));
  b.field(t_new, "name", str(std::string(101, 'n')));
  b.field(p_tr, "event", str(std::string(41, 'e')));
  b.field(f_tr, "payment_reference", str(std::string(101, 'p')));
  b.field(p_new, "target_groups", list(str("migrants"), 11));
  b.field(p_new, "target_groups", "[" + str(std::string(41, 'g')) + "]", "target_groups[0]");
  b.field(p_new, "budget", list("{\"category\":\"p\",\"amount_minor\":1}", 101));
  b.field(c_new, "criteria", list("{\"code\":\"c\",\"name\":\"n\",\"weight\":5}", 21));
  b.field(c_new, "tranche_plan", list("{\"share_bp\":100,\"trigger\":\"signature\"}", 13));

  // Invalid UTF-8: in a string (the raw body is checked first: 400) and escaped into one.
  for (const char* bytes : {"\xff", "\xc3\x28", "\xc0\xaf", "\xed\xa0\x80", "\xe2\x82", "\xf8\x88\x80\x80\x80"}) {
    b.raw(p_new, "invalid UTF-8 in title", object(with(p_new.base, "title", str(std::string("ab") + bytes))), 400);
  }
  b.raw(p_put, "invalid UTF-8 in summary", object(with(p_put.base, "summary", str("\xfe\xfe"))), 400);
  b.raw(s_new, "invalid UTF-8 in email", object(with(s_new.base, "email", str("a\x80@b.demo"))), 400);
  b.raw(p_tr, "invalid UTF-8 in reason", object(with(p_tr.base, "reason", str("\xc1\xbf"))), 400);
  b.raw(p_new, "invalid UTF-8 in a key", "{\"ti\xfftle\":\"a\"}", 400);
  b.raw(p_new, "invalid UTF-8 outside strings", "{\"call_id\":" + call + "}\xff", 400);
  b.raw(p_new, "a lone surrogate escape", object(with(p_new.base, "title", "\"\\ud800\"")), kAny4xx);
  b.raw(p_new, "a NUL escape", object(with(p_new.base, "title", "\"a\\u0000b\"")), kAny4xx);

  // Money: negative, zero where positive is needed, overflowing, fractional.
  for (const auto& v : {"-1", "9223372036854775808", "-9223372036854775809", "18446744073709551616", "1e30",
                        "1.5", "1e3", "1000000000000000001"}) {
    b.field(p_new, "amount_minor", v);
  }
  for (const auto& v : {"0", "-1", "1.5", "9223372036854775808"}) {
    b.field(p_new, "budget", std::string("[{\"category\":\"p\",\"amount_minor\":") + v + "}]", "budget[0].amount_minor");
  }
  for (const auto& v : {"0", "-1", "9223372036854775808", "1e30", "1.5"}) b.field(c_new, "budget_minor", v);
  b.field(c_new, "min_award_minor", "0");
  b.field(c_new, "threshold_minor", "-1");
  for (const auto& v : {"0", "-1", "9223372036854775808", "18446744073709551617", "1e30", "1.5"}) {
    b.field(f_tr, "amount_minor", v);
  }

  // Dates.
  for (const auto& v : {"tomorrow", "2026-13-01T00:00:00Z", "2026-12-31", "2026-12-31T23:59:59", "1999-12-31T23:59:59Z",
                        "2201-01-01T00:00:00Z", "2026-12-31T25:00:00Z", "", "2026-12-31T23:59:59+25:00"}) {
    b.field(c_new, "closes_at", str(v));
  }
  b.field(c_new, "closes_at", "1767225599");
  b.field(c_new, "closes_at", "true");
  b.raw(c_new, "closes_at = 2026-02-30", object(with(c_new.base, "closes_at", str("2026-02-30T00:00:00Z"))), kAny4xx);
  return b.cases;
}

}  // namespace citygrants::webtest
