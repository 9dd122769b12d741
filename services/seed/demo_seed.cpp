#include "services/seed/demo_seed.h"
#include <stdexcept>
namespace citygrants::seed {
std::vector<DemoLogin> seedDemo(usecases::Context, const DemoOptions&) { throw std::runtime_error("seed-demo: the demo data set is not written yet"); }
}
