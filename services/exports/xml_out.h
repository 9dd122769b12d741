#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace Poco::XML {
class XMLWriter;
}

namespace citygrants::exports {

// An XML document written element by element through Poco's XMLWriter (which escapes text and
// attributes), indented, UTF-8, with its declaration. Attribute names are written as given
// ("xml:lang" included).
class XmlOut {
 public:
  using Attributes = std::vector<std::pair<std::string, std::string>>;

  explicit XmlOut(std::ostream& out);
  ~XmlOut();
  XmlOut(const XmlOut&) = delete;
  XmlOut& operator=(const XmlOut&) = delete;

  // Starts an element; close() ends the innermost one open.
  void open(const std::string& name, const Attributes& attributes = {});
  void close();
  // An element with only text (or nothing when `text` is empty).
  void leaf(const std::string& name, const Attributes& attributes, const std::string& text = "");
  // Ends the document. REQUIRES: every element opened was closed.
  void finish();

 private:
  std::unique_ptr<Poco::XML::XMLWriter> writer_;
  std::vector<std::string> open_;
};

}  // namespace citygrants::exports
