#define BOOST_TEST_MODULE citygrants services
#include <boost/test/unit_test.hpp>
