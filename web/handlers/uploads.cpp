#include "web/handlers/uploads.h"

#include <cctype>
#include <cstdio>
#include <sstream>

#include <Poco/Net/MessageHeader.h>
#include <Poco/StreamCopier.h>

namespace citygrants::handlers {

void FileParts::handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) {
  std::string disposition;
  Poco::Net::NameValueCollection params;
  if (header.has("Content-Disposition")) {
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition"), disposition,
                                              params);
  }
  usecases::UploadedFile part;
  Poco::StreamCopier::copyToString(stream, part.content);
  if (params.get("name", "") != "file") return;
  part.filename = params.get("filename", "");
  files.push_back(std::move(part));
}

void readMultipart(const http::ApiRequest& req, Poco::Net::HTMLForm& form, FileParts& parts,
                   int field_limit) {
  if (req.http.getContentType().rfind("multipart/form-data", 0) != 0) {
    throw http::HttpError(415, "unsupported-media-type", "request.send_multipart");
  }
  std::istringstream body(req.body);
  try {
    form.setFieldLimit(field_limit);
    form.load(req.http, body, parts);
  } catch (const Poco::Exception&) {
    throw http::HttpError(400, "malformed-multipart", "request.multipart_unreadable");
  }
}

http::ApiResponse downloadOf(const stores::Attachment& meta, std::string content) {
  http::ApiResponse r;
  r.body = std::move(content);
  r.content_type = meta.content_type;
  std::string encoded;
  for (unsigned char c : meta.filename) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      encoded += buf;
    }
  }
  r.headers.emplace_back("Content-Disposition", "attachment; filename*=UTF-8''" + encoded);
  r.headers.emplace_back("X-Content-SHA256", meta.sha256);
  return r;
}

}  // namespace citygrants::handlers
