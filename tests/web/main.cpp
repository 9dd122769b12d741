#define BOOST_TEST_MODULE citygrants web
#include <boost/test/unit_test.hpp>
