#pragma once

#include <cstddef>

namespace citygrants::core {

// One file compiled into the binary by ops/cmake/embed_files.cmake.
struct EmbeddedFile {
  const char* path;  // relative to the embedded folder, '/'-separated
  const char* data;  // `size` bytes, followed by a NUL
  std::size_t size;
};

}  // namespace citygrants::core
