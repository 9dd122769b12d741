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
// If-Modified-Since is not older than the file.
bool notModified(const ApiRequest& req, const std::string& etag, std::int64_t last_modified) {
  const auto& h = req.http;
  if (h.has("If-None-Match")) {
    const auto given = h.get("If-None-Match");
    return given == "*" || given.find(etag) != std::string::npos;
  }
  if (!h.has("If-Modified-Since")) return false;
  int tz = 0;
  Poco::DateTime since;
  if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::HTTP_FORMAT, h.get("If-Modified-Since"), since, tz)) {
    return false;
  }
  return last_modified / 1000 <= since.timestamp().epochTime();
}

// GET /exports/360giving.json | iati.xml: the published grants for anyone; ?all=1 every grant
// for fund managers and auditors. An ETag of the bytes and Last-Modified of the latest change.
ApiResponse openDataFile(ApiContext& ctx, ApiRequest& req, usecases::OpenFormat format) {
  const auto all = req.queryInt("all", 0, 1).value_or(0) == 1;
  const auto file = usecases::OpenDataService(ctx.useCases()).file(req.actor, format, all);
  const bool giving = format == usecases::OpenFormat::kGiving360;
  const std::string etag = "\"" + crypto::sha256Hex(file.body).substr(0, 32) + "\"";
  ApiResponse r;
  r.headers.emplace_back("ETag", etag);
  if (file.last_modified > 0) r.headers.emplace_back("Last-Modified", httpDate(file.last_modified));
  // The published files may be kept by caches a while; every grant's file by nobody.
  r.headers.emplace_back("Cache-Control", all ? "private, no-store" : "public, max-age=300");
  if (notModified(req, etag, file.last_modified)) {
    r.status = 304;
    r.content_type = giving ? "application/json" : "application/xml";
    return r;
  }
  r.body = file.body;
  r.content_type = giving ? "application/json; charset=utf-8" : "application/xml; charset=utf-8";
  const std::string name = std::string(giving ? "360giving" : "iati") + (all ? "-all" : "") +
                           (giving ? ".json" : ".xml");
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
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
