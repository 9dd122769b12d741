#include <iostream>

#include <Poco/Exception.h>

#include "web/app/citygrants_app.h"

// Parses the flags first so a bad flag is a usage error (exit 64) with a clear message, then runs.
int main(int argc, char** argv) {
  citygrants::app::CitygrantsApp app;
  try {
    app.init(argc, argv);
  } catch (const Poco::Exception& e) {
    std::cerr << "citygrants: " << e.displayText()
              << "\n(citygrants --help lists the commands and flags)\n";
    return Poco::Util::Application::EXIT_USAGE;
  } catch (const std::exception& e) {
    std::cerr << "citygrants: " << e.what() << "\n";
    return Poco::Util::Application::EXIT_USAGE;
  }
  return app.runParsed();
}
