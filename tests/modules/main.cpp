#define BOOST_TEST_MODULE citygrants modules
#include <boost/test/unit_test.hpp>
