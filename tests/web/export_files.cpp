#include "tests/web/account_people.h"
#include "tests/web/export_files.h"

#include <atomic>
#include <sstream>

#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/StreamCopier.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <boost/test/unit_test.hpp>

namespace citygrants::webtest {
namespace {

using Poco::AutoPtr;
using Poco::XML::Document;
using Poco::XML::Element;

std::string unzip(const std::string& bytes, const std::string& name) {
  std::istringstream in(bytes);
  Poco::Zip::ZipArchive archive(in);
  const auto header = archive.findHeader(name);
  BOOST_REQUIRE_MESSAGE(header != archive.headerEnd(), "no " << name << " in the workbook");
  in.clear();
  Poco::Zip::ZipInputStream zip(in, header->second);
  std::string out;
  Poco::StreamCopier::copyToString(zip, out);
  return out;
}

AutoPtr<Document> parseXml(const std::string& xml) {
  Poco::XML::DOMParser parser;
  return parser.parseString(xml);
}

std::vector<Element*> elements(Poco::XML::Node* in, const std::string& tag) {
  std::vector<Element*> out;
  AutoPtr<Poco::XML::NodeList> list = in->nodeType() == Poco::XML::Node::DOCUMENT_NODE
                                          ? static_cast<Document*>(in)->getElementsByTagName(tag)
                                          : static_cast<Element*>(in)->getElementsByTagName(tag);
  for (unsigned long i = 0; i < list->length(); ++i)
    out.push_back(static_cast<Element*>(list->item(i)));
  return out;
}

// "C12" → 2.
std::size_t columnIndex(const std::string& ref) {
  std::size_t n = 0;
  for (char c : ref) {
    if (c < 'A' || c > 'Z') break;
    n = n * 26 + static_cast<std::size_t>(c - 'A' + 1);
  }
  return n - 1;
}

// The number format and boldness of each cell style (cellXfs) of styles.xml.
struct Style {
  std::string format;
  bool bold = false;
};

std::vector<Style> stylesOf(const std::string& xml) {
  auto doc = parseXml(xml);
  std::map<std::string, std::string> formats;
  for (auto* f : elements(doc.get(), "numFmt"))
    formats[f->getAttribute("numFmtId")] = f->getAttribute("formatCode");
  std::vector<bool> bold_fonts;
  for (auto* font : elements(doc.get(), "font")) bold_fonts.push_back(!elements(font, "b").empty());
  std::vector<Style> out;
  const auto xfs = elements(doc.get(), "cellXfs");
  BOOST_REQUIRE(xfs.size() == 1u);
  for (auto* xf : elements(xfs[0], "xf")) {
    const auto font = static_cast<std::size_t>(std::stoul(xf->getAttribute("fontId")));
    out.push_back(
        {formats[xf->getAttribute("numFmtId")], font < bold_fonts.size() && bold_fonts[font]});
  }
  return out;
}

}  // namespace

std::size_t Table::column(const std::string& name) const {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return i;
  }
  BOOST_FAIL("no column " << name);
  return 0;
}

std::vector<std::string> Table::values(const std::string& name) const {
  const auto c = column(name);
  std::vector<std::string> out;
  for (const auto& row : rows) out.push_back(row.at(c));
  return out;
}

Table parseCsv(const std::string& body) {
  BOOST_REQUIRE_MESSAGE(body.rfind("\xEF\xBB\xBF", 0) == 0, "no UTF-8 BOM");
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 3; i < body.size(); ++i) {
    const char c = body[i];
    if (quoted) {
      if (c == '"' && i + 1 < body.size() && body[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      BOOST_REQUIRE_MESSAGE(field.empty(), "a quote inside an unquoted field at byte " << i);
      quoted = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
    } else if (c == '\r') {
      BOOST_REQUIRE_MESSAGE(i + 1 < body.size() && body[i + 1] == '\n', "a bare CR at byte " << i);
      record.push_back(std::move(field));
      field.clear();
      records.push_back(std::move(record));
      record.clear();
      ++i;
    } else {
      BOOST_REQUIRE_MESSAGE(c != '\n', "a bare LF at byte " << i);
      field += c;
    }
  }
  BOOST_REQUIRE_MESSAGE(!quoted && field.empty() && record.empty(),
                        "the last record is not ended by CRLF");
  BOOST_REQUIRE_MESSAGE(!records.empty(), "no header");
  Table t;
  t.header = records.front();
  for (std::size_t r = 1; r < records.size(); ++r) {
    BOOST_REQUIRE_MESSAGE(records[r].size() == t.header.size(),
                          "record " << r << " has " << records[r].size() << " fields");
    t.rows.push_back(std::move(records[r]));
  }
  return t;
}

Sheet readXlsx(const std::string& bytes) {
  const auto styles = stylesOf(unzip(bytes, "xl/styles.xml"));
  auto doc = parseXml(unzip(bytes, "xl/worksheets/sheet1.xml"));
  Sheet out;
  for (auto* row : elements(doc.get(), "row")) {
    std::vector<SheetCell> cells;
    for (auto* c : elements(row, "c")) {
      const auto at = columnIndex(c->getAttribute("r"));
      if (cells.size() <= at) cells.resize(at + 1);
      SheetCell& cell = cells[at];
      const auto type = c->getAttribute("t");
      cell.number = type.empty() || type == "n";
      const auto texts = elements(c, type == "inlineStr" ? "t" : "v");
      BOOST_REQUIRE_MESSAGE(type != "s",
                            "a shared string: constant-memory mode writes inline ones");
      if (!texts.empty()) cell.text = texts[0]->innerText();
      const auto s = c->getAttribute("s");
      if (!s.empty()) {
        const auto& style = styles.at(std::stoul(s));
        cell.format = style.format;
        cell.bold = style.bold;
      }
    }
    out.rows.push_back(std::move(cells));
  }
  for (auto* pane : elements(doc.get(), "pane")) {
    out.header_frozen =
        pane->getAttribute("state") == "frozen" && pane->getAttribute("ySplit") == "1";
  }
  for (auto* filter : elements(doc.get(), "autoFilter"))
    out.autofilter = filter->getAttribute("ref");
  out.formulas = elements(doc.get(), "f").size();
  return out;
}

Table Sheet::table() const {
  Table t;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::vector<std::string> texts;
    for (const auto& c : rows[r]) texts.push_back(c.text);
    if (r == 0) {
      t.header = texts;
    } else {
      texts.resize(t.header.size());
      t.rows.push_back(texts);
    }
  }
  return t;
}

std::int64_t minorOf(const std::string& decimal, int digits) {
  const auto dot = decimal.find('.');
  BOOST_REQUIRE_MESSAGE(digits == 0
                            ? dot == std::string::npos
                            : dot != std::string::npos &&
                                  decimal.size() - dot - 1 == static_cast<std::size_t>(digits),
                        "not a decimal with " << digits << " digits: " << decimal);
  std::string digits_only = decimal;
  if (dot != std::string::npos) digits_only.erase(dot, 1);
  return std::stoll(digits_only);
}

Client freshUser(Server& server, const std::string& organisation, const std::string& role,
                 std::int64_t* user_id) {
  static std::atomic<int> next{0};
  const std::string email = "exporter" + std::to_string(++next) + "-" + role + "@exports.test";
  Client admin = server.signedIn("admin@mmc.demo");
  const auto r =
      admin.post("/api/v1/users", R"({"email":")" + email + R"(","name":"Exporter )" +
                                      std::to_string(next.load()) + R"(","organisation":)" +
                                      quoted(organisation) + R"(,"password":)" +
                                      quoted(kDemoPassword) + R"(,"roles":[")" + role + R"("]})");
  BOOST_REQUIRE_MESSAGE(r.status == 201, r.body);
  if (user_id != nullptr) *user_id = r.json->getValue<std::int64_t>("id");
  if (role == "fund_manager" || role == "admin") enrolDemoFactor(server, r.json->getValue<std::int64_t>("id"));
  return server.signedIn(email);
}

}  // namespace citygrants::webtest
