#define BOOST_TEST_MODULE citygrants cli
#include <boost/test/unit_test.hpp>
