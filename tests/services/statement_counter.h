#pragma once

#include <memory>
#include <string>

#include <soci/soci.h>

namespace citygrants::testing {

// Counts the statements a session runs while it is set.
class CountingLogger : public soci::logger_impl {
 public:
  explicit CountingLogger(std::shared_ptr<int> count) : count_(std::move(count)) {}
  void start_query(const std::string&) override { ++*count_; }

 private:
  logger_impl* do_clone() const override { return new CountingLogger(count_); }
  std::shared_ptr<int> count_;
};

// Sets a counting logger on `sql` while it lives; the session's own logger again after.
class Counting {
 public:
  explicit Counting(soci::session& sql) : sql_(sql), saved_(sql.get_logger()) {
    sql_.set_logger(soci::logger(new CountingLogger(count_)));
  }
  ~Counting() { sql_.set_logger(saved_); }
  Counting(const Counting&) = delete;
  Counting& operator=(const Counting&) = delete;
  int statements() const { return *count_; }

 private:
  soci::session& sql_;
  soci::logger saved_;
  std::shared_ptr<int> count_ = std::make_shared<int>(0);
};

}  // namespace citygrants::testing
