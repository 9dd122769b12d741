#pragma once

#include <string>
#include <string_view>

// A QR code of a short text as an SVG picture (libqrencode, error correction level M, a quiet
// zone of four modules): what the account page shows for an authenticator app to scan the
// otpauth:// address of a second factor. The dark modules are one path of unit squares, in
// currentColor, on a white square, scaled by the page.
namespace citygrants::auth {

// Throws std::invalid_argument when the text is too long for any QR code.
std::string qrSvg(std::string_view text);

}  // namespace citygrants::auth
