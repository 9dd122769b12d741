#include "web/http/framing.h"

#include <Poco/String.h>

namespace citygrants::http {

std::optional<FramingRefusal> framingRefusal(const Poco::Net::HTTPServerRequest& request) {
  const auto& version = request.getVersion();
  if (version != Poco::Net::HTTPMessage::HTTP_1_0 && version != Poco::Net::HTTPMessage::HTTP_1_1) {
    return FramingRefusal{505, "this server speaks HTTP/1.1 (and 1.0), not " + version.substr(0, 20)};
  }
  int lengths = 0;
  std::string length;
  for (auto it = request.find("Content-Length"); it != request.end() && Poco::icompare(it->first, "Content-Length") == 0; ++it) {
    ++lengths;
    length = it->second;
  }
  if (lengths > 1) return FramingRefusal{400, "more than one Content-Length header"};
  if (lengths == 1) {
    const bool digits = !length.empty() && length.size() <= 18 &&
                        length.find_first_not_of("0123456789") == std::string::npos;
    if (!digits) return FramingRefusal{400, "Content-Length is not a number of 1 to 18 digits"};
  }
  if (request.has("Transfer-Encoding")) {
    if (lengths == 1) return FramingRefusal{400, "both Content-Length and Transfer-Encoding"};
    if (Poco::icompare(Poco::trim(request.get("Transfer-Encoding")), "chunked") != 0) {
      return FramingRefusal{400, "the only transfer coding accepted is chunked"};
    }
  }
  return std::nullopt;
}

}  // namespace citygrants::http
