#pragma once

#include <string>

namespace citygrants::usecases {

// A file as a client sent it: its name and its bytes.
struct UploadedFile {
  std::string filename;
  std::string content;
};

}  // namespace citygrants::usecases
