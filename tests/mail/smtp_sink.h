#pragma once

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>

// A real SMTP server on 127.0.0.1 for the mail tests: tests/mail/smtp_sink.py (Debian's
// python3-aiosmtpd) as a child process, stopped when this object goes, also when a check fails.
namespace citygrants::testing {

class SmtpSink {
 public:
  // What the sink accepted, decoded (smtp_sink.py says how).
  struct Received {
    std::string mail_from;
    std::vector<std::string> rcpt_tos;
    std::string subject;
    std::string body;
    std::string message_id;
    std::string content_language;
  };

  // Starts the sink on a free port, storing messages in a new folder under $CITYGRANTS_TEST_TMP.
  // Throws std::runtime_error when it does not start (python3-aiosmtpd missing?).
  SmtpSink() : folder_(newFolder()) { launch(0); }
  ~SmtpSink() {
    halt();
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  int port() const { return port_; }

  // While on, every recipient is answered 451 (try again later).
  void refuse(bool on) {
    const auto flag = folder_ / "refuse";
    if (on) {
      std::ofstream(flag).put('1');
    } else {
      std::filesystem::remove(flag);
    }
  }

  // Every recipient in `addresses` is answered 550 (no such mailbox) from now on; none when empty.
  void reject(const std::vector<std::string>& addresses) {
    std::ofstream out(folder_ / "reject", std::ios::trunc);
    for (const auto& a : addresses) out << a << "\n";
  }

  // Stops the server: its port refuses connections. What it received stays.
  void stop() { halt(); }
  // Starts it again on the same port.
  void restart() {
    halt();
    launch(port_);
  }

  // Every message accepted so far, in order of arrival.
  std::vector<Received> received() const {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(folder_)) {
      if (e.path().extension() == ".json") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<Received> out;
    for (const auto& path : files) {
      std::ifstream in(path);
      std::stringstream text;
      text << in.rdbuf();
      const auto json = Poco::JSON::Parser().parse(text.str()).extract<Poco::JSON::Object::Ptr>();
      Received r{json->getValue<std::string>("mail_from"),
                 {},
                 json->getValue<std::string>("subject"),
                 json->getValue<std::string>("body"),
                 json->getValue<std::string>("message_id"),
                 json->getValue<std::string>("content_language")};
      for (const auto& to : *json->getArray("rcpt_tos")) r.rcpt_tos.push_back(to.toString());
      out.push_back(std::move(r));
    }
    return out;
  }

 private:
  static std::filesystem::path newFolder() {
    const char* tmp = std::getenv("CITYGRANTS_TEST_TMP");
    static int counter = 0;
    auto dir = std::filesystem::path(tmp != nullptr ? tmp : "/tmp") /
               ("smtp_sink_" + std::to_string(::getpid()) + "_" + std::to_string(++counter));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
  }

  void launch(int port) {
    // Debian's interpreter, which python3-aiosmtpd installs into; another python3 on PATH (a
    // pyenv shim, say) may not have it.
    const std::string python =
        std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    Poco::Process::Args args{CITYGRANTS_SOURCE_DIR "/tests/mail/smtp_sink.py", folder_.string()};
    if (port != 0) args.insert(args.end(), {"--port", std::to_string(port)});
    in_ = Poco::Pipe();
    Poco::Pipe out;
    process_.emplace_back(Poco::Process::launch(python, args, &in_, &out, nullptr));
    running_ = true;
    Poco::PipeInputStream from_sink(out);
    std::string line;
    if (!std::getline(from_sink, line) || line.empty()) {
      halt();
      throw std::runtime_error(
          "the SMTP sink did not start: is python3-aiosmtpd installed? "
          "(ops/install-test-deps installs it)");
    }
    port_ = std::stoi(line);
  }

  // Closes the sink's standard input (it stops), and kills it if it has not within 5 s.
  // (isRunning() would not do to wait: an exited child stays a zombie until reaped.)
  void halt() {
    if (!running_) return;
    running_ = false;
    in_.close(Poco::Pipe::CLOSE_WRITE);
    auto& handle = process_.back();
    for (int i = 0; i < 500; ++i) {
      if (Poco::Process::tryWait(handle) != -1) return;  // exited, and reaped
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    Poco::Process::kill(handle);
    Poco::Process::wait(handle);
  }

  std::filesystem::path folder_;
  int port_ = 0;
  Poco::Pipe in_;
  std::vector<Poco::ProcessHandle> process_;  // ProcessHandle has no default constructor
  bool running_ = false;
};

}  // namespace citygrants::testing
