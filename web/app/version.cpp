#include "web/app/version.h"
