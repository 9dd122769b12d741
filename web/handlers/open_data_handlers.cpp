#include <algorithm>

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Net/HTTPServerRequest.h>

#include "modules/opendata/dac_sector.h"
#include "services/crypto/digest.h"
#include "services/usecases/open_data_service.h"
#include "web/handlers/routes.h"
#include "web/http/json_encode.h"
#include "web/http/json_reader.h"
#include "web/http/metrics.h"

namespace citygrants::handlers {
namespace {

http::JsonObject publisherJson(const usecases::PublisherView& v) {
  const auto& p = v.publisher;
  auto j = http::object();
  if (p.fund_org_id) {
    auto fund = http::object();
    fund->set("id", *p.fund_org_id);
    fund->set("name", p.fund_name);
    j->set("fund", fund);
  } else {
    j->set("fund", Poco::Dynamic::Var());
  }
  j->set("giving_prefix", p.giving_prefix);
  j->set("iati_ref", p.iati_ref);
  j->set("version", p.version);
  j->set("published_grants", v.published_grants);
  http::setTime(j, "updated_at", p.updated_at == 0 ? std::nullopt : std::optional(p.updated_at));
  return j;
}

std::string httpDate(std::int64_t epoch_ms) {
  return Poco::DateTimeFormatter::format(Poco::Timestamp(epoch_ms * 1000),
                                         Poco::DateTimeFormat::HTTP_FORMAT);
}

// Whether the client's copy is current: If-None-Match names the ETag, or (without it)
// If-Modified-Since is not older than the file's Last-Modified (both HTTP dates).
bool notModified(const ApiRequest& req, const std::string& etag, const std::string& last_modified) {
  const auto& h = req.http;
  if (h.has("If-None-Match")) {
    const auto given = h.get("If-None-Match");
    return given == "*" || given.find(etag) != std::string::npos;
  }
  if (!h.has("If-Modified-Since") || last_modified.empty()) return false;
  int tz = 0;
  Poco::DateTime since, modified;
  if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::HTTP_FORMAT, h.get("If-Modified-Since"), since, tz) ||
      !Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::HTTP_FORMAT, last_modified, modified, tz)) {
    return false;
  }
  return modified.timestamp() <= since.timestamp();
}

// The whole answer of an open-data file: its bytes, an ETag of them and Last-Modified.
ApiResponse fileResponse(ApiContext& ctx, const ApiRequest& req, usecases::OpenFormat format, bool all) {
  const auto file = usecases::OpenDataService(ctx.useCases()).file(req.actor, format, all);
  const bool giving = format == usecases::OpenFormat::kGiving360;
  ApiResponse r;
  r.body = file.body;
  r.content_type = giving ? "application/json; charset=utf-8" : "application/xml; charset=utf-8";
  r.headers.emplace_back("ETag", "\"" + crypto::sha256Hex(file.body).substr(0, 32) + "\"");
  if (file.last_modified > 0) r.headers.emplace_back("Last-Modified", httpDate(file.last_modified));
  // The published files may be kept by caches a while; every grant's file by nobody.
  r.headers.emplace_back("Cache-Control", all ? "private, no-store" : "public, max-age=300");
  const std::string name = std::string(giving ? "360giving" : "iati") + (all ? "-all" : "") +
                           (giving ? ".json" : ".xml");
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
  return r;
}

std::string headerOf(const ApiResponse& r, const std::string& name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return "";
}

// GET /exports/360giving.json | iati.xml: the published grants for anyone; ?all=1 every grant
// for fund managers and auditors. The published files are computed once per database generation
// (anyone may ask for them, signed in or not, as often as they like); 304 when the copy the
// client holds is current.
ApiResponse openDataFile(ApiContext& ctx, ApiRequest& req, usecases::OpenFormat format) {
  const auto all = req.queryInt("all", 0, 1).value_or(0) == 1;
  // Kept under a generation read before the snapshot the file is computed from began, so that a
  // change committed in between makes it stale: the one the request's authentication read before
  // its own reads, else one read now if nothing of the request has read yet; else not kept.
  auto generation = req.generation;
  if (!all && !generation && ctx.responses != nullptr && !ctx.db.snapshotOpen()) {
    generation = ctx.db.generations().data;
  }
  ApiResponse r;
  if (all || ctx.responses == nullptr || !generation) {
    r = fileResponse(ctx, req, format, all);
  } else {
    const std::string key = std::string("open data ") + req.path;
    const auto now = ctx.clock.nowMs();
    auto hit = ctx.responses->find(key, *generation, now);
    if (hit) {
      ctx.metrics.recordCacheLookup(http::Metrics::CacheLookup::kHit);
      r = **hit;  // a copy: a 304 below changes it
    } else {
      r = fileResponse(ctx, req, format, all);
      ctx.responses->store(key, std::make_shared<const ApiResponse>(r), *generation, now,
                           r.body.size());
      ctx.metrics.recordCacheLookup(http::Metrics::CacheLookup::kMiss);
    }
  }
  const auto last_modified = headerOf(r, "Last-Modified");
  if (notModified(req, headerOf(r, "ETag"), last_modified)) {
    r.status = 304;
    r.body.clear();
    r.headers.erase(std::remove_if(r.headers.begin(), r.headers.end(),
                                   [](const auto& h) { return h.first == "Content-Disposition"; }),
                    r.headers.end());
  }
  return r;
}

}  // namespace

ApiResponse getPublisher(ApiContext& ctx, ApiRequest& req) {
  const auto v = usecases::OpenDataService(ctx.useCases()).publisher(req.who());
  return http::versionedResponse(publisherJson(v), v.publisher.version);
}

ApiResponse putPublisher(ApiContext& ctx, ApiRequest& req) {
  const auto version = req.ifMatch();
  http::JsonReader in(req.json());
  const auto prefix = in.text("giving_prefix", true, 40);
  const auto ref = in.text("iati_ref", true, 120);
  in.finish();
  const auto v = usecases::OpenDataService(ctx.useCases())
                     .setPublisher(req.who(), version, prefix.value_or(""), ref.value_or(""));
  return http::versionedResponse(publisherJson(v), v.publisher.version);
}

ApiResponse listSectors(ApiContext&, ApiRequest&) {
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& s : opendata::dacSectors()) {
    auto o = http::object();
    o->set("code", std::string(s.code));
    o->set("name", std::string(s.name));
    items->add(o);
  }
  auto j = http::object();
  j->set("items", items);
  return http::jsonResponse(j);
}

ApiResponse getGivingFile(ApiContext& ctx, ApiRequest& req) {
  return openDataFile(ctx, req, usecases::OpenFormat::kGiving360);
}

ApiResponse getIatiFile(ApiContext& ctx, ApiRequest& req) {
  return openDataFile(ctx, req, usecases::OpenFormat::kIati);
}

}  // namespace citygrants::handlers
