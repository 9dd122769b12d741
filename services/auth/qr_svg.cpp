#include "services/auth/qr_svg.h"

#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace citygrants::auth {
namespace {

constexpr int kQuietZone = 4;  // modules of white around the code, as ISO/IEC 18004 asks

struct FreeQr {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

std::string qrSvg(std::string_view text) {
  const std::string copy(text);  // libqrencode reads a NUL-terminated string
  std::unique_ptr<QRcode, FreeQr> code(
      QRcode_encodeString8bit(copy.c_str(), 0, QR_ECLEVEL_M));
  if (!code) throw std::invalid_argument("the text does not fit in a QR code");
  const int width = code->width;
  const int size = width + 2 * kQuietZone;
  std::string path;
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width; ++x) {
      if (!(code->data[y * width + x] & 1)) continue;  // bit 0: a dark module
      path += "M" + std::to_string(x + kQuietZone) + " " + std::to_string(y + kQuietZone) +
              "h1v1h-1z";
    }
  }
  const auto n = std::to_string(size);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + " " + n +
         "\" shape-rendering=\"crispEdges\" role=\"img\">"
         "<rect width=\"" + n + "\" height=\"" + n + "\" fill=\"#fff\"/>"
         "<path fill=\"currentColor\" d=\"" + path + "\"/></svg>";
}

}  // namespace citygrants::auth
