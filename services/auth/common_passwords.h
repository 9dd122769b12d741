#pragma once

#include <cstddef>
#include <string_view>

// The common passwords no account may have (issue 17 part 5): the lists in
// services/auth/password_lists/, compiled into the binary, one password per line, lines starting
// "#!comment:" skipped. Openwall's list of the passwords most seen (public domain, as its header
// says) and our own list of long ones that a twelve-character rule lets through.
namespace citygrants::auth {

// Whether `password`, compared without regard to ASCII case, is on one of the lists.
bool isCommonPassword(std::string_view password);

// How many distinct passwords the lists hold (for the tests).
std::size_t commonPasswordCount();

}  // namespace citygrants::auth
