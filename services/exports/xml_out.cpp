#include "services/exports/xml_out.h"

#include <stdexcept>

#include <Poco/SAX/AttributesImpl.h>
#include <Poco/XML/XMLWriter.h>

namespace citygrants::exports {
namespace {

Poco::XML::AttributesImpl attributesOf(const XmlOut::Attributes& given) {
  Poco::XML::AttributesImpl out;
  for (const auto& [name, value] : given) out.addAttribute("", "", name, "CDATA", value);
  return out;
}

}  // namespace

XmlOut::XmlOut(std::ostream& out)
    : writer_(std::make_unique<Poco::XML::XMLWriter>(
          out, Poco::XML::XMLWriter::WRITE_XML_DECLARATION | Poco::XML::XMLWriter::PRETTY_PRINT)) {
  writer_->setNewLine(Poco::XML::XMLWriter::NEWLINE_LF);
  writer_->setIndent("  ");
  writer_->startDocument();
}

XmlOut::~XmlOut() = default;

void XmlOut::open(const std::string& name, const Attributes& attributes) {
  writer_->startElement("", "", name, attributesOf(attributes));
  open_.push_back(name);
}

void XmlOut::close() {
  if (open_.empty()) throw std::logic_error("XmlOut::close without an open element");
  writer_->endElement("", "", open_.back());
  open_.pop_back();
}

void XmlOut::leaf(const std::string& name, const Attributes& attributes, const std::string& text) {
  if (text.empty()) {
    writer_->emptyElement("", "", name, attributesOf(attributes));
    return;
  }
  writer_->startElement("", "", name, attributesOf(attributes));
  writer_->characters(text);
  writer_->endElement("", "", name);
}

void XmlOut::finish() {
  if (!open_.empty()) throw std::logic_error("XmlOut::finish with " + open_.back() + " open");
  writer_->endDocument();
}

}  // namespace citygrants::exports
