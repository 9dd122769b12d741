#include "modules/access/role.h"
#include "web/http/openapi_schema_parts.h"
#include "web/http/schema_builder.h"

namespace citygrants::http::schemas {
namespace {

using namespace schema;

constexpr const char* kPasswordRules =
    "12 to 200 characters, not one of the common passwords (services/auth/password_lists)";

}  // namespace

// account_handlers.cpp: the account page's routes and the forgotten-password links.
void addAccountSchemas(JsonObject out) {
  out->set("Account",
           closed({{"id", integer()},
                   {"email", text()},
                   {"name", text()},
                   {"language", describe(choice(languages()),
                                         "the console's and the mail's language, on every "
                                         "device")},
                   {"roles", list(choice(roleNames()))},
                   {"org_lead", describe(boolean(), "leads their organisation's team")},
                   {"organisation", ref("SessionOrganisation"), false},
                   {"version", describe(integer(), "as the ETag: send it back as If-Match")}}));
  out->set("AccountChange", describe(closed({optionalIn("name", text(200)),
                                             optionalIn("language", choice(languages(), 10))}),
                                     "the members to change; an absent one stays as it is"));
  out->set("PasswordChange",
           closed({{"current_password", text(200)},
                   {"new_password", describe(text(200), kPasswordRules)}}));
  out->set("SecondFactor",
           closed({{"required", describe(boolean(), "a role of the user needs one")},
                   {"enrolled", describe(boolean(), "confirmed: sign-in asks for a code")},
                   {"pending", describe(boolean(), "started, waiting for its first code")},
                   {"recovery_codes_left", atLeast(0)},
                   nullableOut("confirmed_at", dateTime())}));
  out->set("SecondFactorEnrolment",
           closed({{"secret", describe(text(), "the TOTP key in Base32, shown once")},
                   {"otpauth_uri", describe(text(), "what the QR code carries")},
                   {"qr_svg", describe(text(), "the QR code as an SVG picture")}}));
  out->set("OtpRequest", closed({{"otp", describe(text(40), "a code of the second factor")}}));
  out->set("RecoveryCodes",
           closed({{"recovery_codes",
                    describe(list(text()), "ten single-use codes, shown once: keep them")}}));
  out->set("AccountSession",
           closed({{"id", integer()},
                   {"created_at", dateTime()},
                   {"last_seen_at", describe(dateTime(), "to the minute")},
                   {"expires_at", describe(dateTime(), "the absolute timeout")},
                   {"current", describe(boolean(), "the session this request came with")}}));
  out->set("AccountSessionPage", pageOf("AccountSession"));
  out->set("PasswordResetRequest", closed({{"email", text(254)}}));
  out->set("PasswordResetAccepted",
           describe(closed({{"status", choice({"accepted"})},
                            {"expires_in_minutes", describe(atLeast(1), "how long a link works")}}),
                    "the same answer for every email, known or not"));
  out->set("PasswordResetCompletion",
           closed({{"new_password", describe(text(200), kPasswordRules)}}));
}

}  // namespace citygrants::http::schemas
