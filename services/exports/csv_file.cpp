#include <fstream>
#include <stdexcept>
#include <vector>

#include "modules/exports/csv.h"
#include "services/exports/table_writer.h"

namespace citygrants::exports {
namespace {

class CsvFile : public TableWriter {
 public:
  explicit CsvFile(const std::string& path) : path_(path), buffer_(1 << 16) {
    out_.rdbuf()->pubsetbuf(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    out_.open(path, std::ios::binary | std::ios::trunc);
    if (!out_) throw std::runtime_error("cannot open " + path);
    out_ << kUtf8Bom;
  }

  void header(std::span<const Column> columns) override { write(csvHeader(columns)); }
  void row(std::span<const Cell> cells) override { write(csvRow(cells)); }

  void finish() override {
    out_.close();
    if (!out_) throw std::runtime_error("cannot write " + path_);
  }

 private:
  void write(const std::string& text) {
    out_ << text;
    if (!out_) throw std::runtime_error("cannot write " + path_);
  }

  std::string path_;
  std::vector<char> buffer_;  // before out_: the stream writes through it
  std::ofstream out_;
};

}  // namespace

std::unique_ptr<TableWriter> csvWriter(const std::string& path) {
  return std::make_unique<CsvFile>(path);
}

}  // namespace citygrants::exports
