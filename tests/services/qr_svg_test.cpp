#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <fstream>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>

#include "services/auth/qr_svg.h"
#include "services/crypto/totp.h"
#include "tests/support/scratch_database.h"

// The account page's QR code read back by a real reader: the SVG's squares are drawn into a
// bitmap (PBM, 4 pixels a module) and zbarimg (zbar-tools) must read the very otpauth:// address
// that was encoded.
using namespace citygrants;

namespace {

// The dark modules of the SVG (its path of "Mx yh1v1h-1z" squares) and its size in modules.
std::pair<int, std::set<std::pair<int, int>>> modulesOf(const std::string& svg) {
  std::smatch size;
  BOOST_REQUIRE(std::regex_search(svg, size, std::regex(R"(viewBox="0 0 (\d+) (\d+)\")")));
  BOOST_REQUIRE(size[1] == size[2]);
  std::set<std::pair<int, int>> dark;
  const std::regex square(R"(M(\d+) (\d+)h1v1h-1z)");
  for (std::sregex_iterator it(svg.begin(), svg.end(), square), end; it != end; ++it) {
    dark.insert({std::stoi((*it)[1]), std::stoi((*it)[2])});
  }
  return {std::stoi(size[1]), dark};
}

// What zbarimg reads in the picture the SVG draws.
std::string readBack(const std::string& svg, const std::string& file) {
  const auto [size, dark] = modulesOf(svg);
  constexpr int kScale = 4;
  {
    std::ofstream pbm(file);
    pbm << "P1\n" << size * kScale << " " << size * kScale << "\n";
    for (int y = 0; y < size * kScale; ++y) {
      for (int x = 0; x < size * kScale; ++x) pbm << (dark.count({x / kScale, y / kScale}) ? "1 " : "0 ");
      pbm << "\n";
    }
  }
  // stderr is left out: zbar also reports that no D-Bus is there to talk to.
  const std::string command = "zbarimg --raw -q '" + file + "' 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run zbarimg: ops/install-test-deps installs zbar-tools");
  std::string out;
  char buf[512];
  while (const auto n = fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
  const int status = pclose(pipe);
  BOOST_TEST_INFO("zbarimg answered: " << out);
  BOOST_REQUIRE_MESSAGE(status == 0, "zbarimg read no code (is zbar-tools installed?)");
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(qr_svg)

BOOST_AUTO_TEST_CASE(a_reader_reads_back_the_otpauth_address_the_svg_draws) {
  const auto uri = crypto::otpauthUri("GCF citygrants", "amina.diallo@mmc.demo", crypto::newTotpSecret());
  const auto svg = auth::qrSvg(uri);
  BOOST_TEST(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0u);
  const auto [size, dark] = modulesOf(svg);
  BOOST_TEST(size >= 21 + 8, "a QR code of version 1 or more with its quiet zone");
  for (const auto& [x, y] : dark) {
    BOOST_TEST((x >= 4 && y >= 4 && x < size - 4 && y < size - 4), "nothing drawn in the quiet zone");
  }
  BOOST_TEST(readBack(svg, testing::scratchFile("qr-otpauth", ".pbm")) == uri);
}

BOOST_AUTO_TEST_CASE(a_text_too_long_for_any_code_is_refused) {
  BOOST_CHECK_THROW(auth::qrSvg(std::string(8000, 'x')), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
