#!/usr/bin/env python3
"""API tokens of the demo fund's logins for the benchmarks, made as a user would: sign in with the
password, then create a token with the session's cookie and CSRF token. Only logins without a
second factor (ops/bench/lib/wrk.sh's bench_token signs in fund managers with theirs).

usage: signin.py BASE EMAIL PASSWORD   prints the token
"""
import json
import sys
import unicodedata
import urllib.request


def _post(base, path, body, headers):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json", **headers})
    with urllib.request.urlopen(req) as answer:
        return answer.headers, json.load(answer)


def token(base, email, password):
    """A new API token of EMAIL, signed in at BASE with PASSWORD."""
    headers, session = _post(base, "/api/v1/session", {"email": email, "password": password}, {})
    cookie = "; ".join(c.split(";")[0] for c in headers.get_all("Set-Cookie"))
    _, made = _post(base, "/api/v1/tokens", {"name": "bench"},
                    {"Cookie": cookie, "X-CSRF-Token": session["csrf_token"]})
    return made["token"]


def applicant(city_name):
    """The email of a city's demo applicant: applicant@<its name folded to ASCII>.demo."""
    login = "".join(c for c in unicodedata.normalize("NFKD", city_name).lower() if c.isascii() and c.isalnum())
    return f"applicant@{login}.demo"


if __name__ == "__main__":
    print(token(*sys.argv[1:4]))
