#!/usr/bin/env python3
"""The requests of ops/bench/instructions: N requests of one workload, one after another on one
kept-alive connection, in an order fixed by a seed (the same in every run, for every binary).

usage: instr_client.py PORT DB WORKLOAD N SEED FM_TOKEN PARTNER_TOKEN [PASSWORD]
WORKLOAD: healthz | record (a random proposal) | list (a random page: state x city x sort, 20 a
page) | partner (a random page of what a partner's reviewer sees: state or none x sort) |
transition (a step of ops/bench/mixed's revision cycle at a random proposal in it: the city's
applicant resubmits, a fund manager screens or returns; N different proposals, each once).
The records, states and cities are read from the SQLite file DB that the server serves (read
only). A transition's applicants sign in with PASSWORD the first time, uncounted if that is the
warm-up run: their tokens are kept in DB.applicants. Any answer but 200 stops the run with its
status, so a count is never of refusals.
"""
import http.client
import json
import os
import random
import sqlite3
import sys

import signin

port, db, workload, n, seed, fm, partner = sys.argv[1:8]
password = sys.argv[8] if len(sys.argv) > 8 else ""
fund = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
ids = [r[0] for r in fund.execute("SELECT id FROM proposals ORDER BY id")]
states = [r[0] for r in fund.execute("SELECT DISTINCT state FROM proposals ORDER BY state")]
cities = [r[0] for r in fund.execute("SELECT DISTINCT city_org_id FROM proposals ORDER BY 1")]
sorts = ["id", "-id", "updated_at", "-updated_at"]
rng = random.Random(int(seed))
connection = http.client.HTTPConnection("127.0.0.1", int(port), timeout=600)


def send(method, path, token, body=None, headers=None):
    """Any answer but 200 ends the run."""
    head = {"Authorization": "Bearer " + token} if token else {}
    connection.request(method, path, body=body, headers={**head, **(headers or {})})
    answer = connection.getresponse()
    data = answer.read()
    if answer.status != 200:
        sys.exit(f"instr_client: {method} {path} answered {answer.status}: {data[:200]!r}")


def applicant_tokens():
    """A token of each city's demo applicant, by city id."""
    kept = db + ".applicants"
    if os.path.exists(kept):
        return {int(k): v for k, v in json.load(open(kept)).items()}
    base = f"http://127.0.0.1:{port}"
    tokens = {city: signin.token(base, signin.applicant(name), password)
              for city, name in fund.execute("SELECT id, name FROM organisations WHERE id IN (SELECT "
                                             f"city_org_id FROM proposals WHERE state IN {tuple(cycle)})")}
    json.dump(tokens, open(kept, "w"))
    return tokens


# The revision cycle: each state's event, and whether the city's applicant fires it.
cycle = {"revision_requested": ('{"event":"resubmit"}', True), "submitted": ('{"event":"screen"}', False),
         "screening": ('{"event":"return","reason":"bench"}', False)}
if workload == "transition":
    applicants = applicant_tokens()
    pool = list(fund.execute("SELECT id, state, version, city_org_id FROM proposals WHERE state IN "
                             f"{tuple(cycle)} ORDER BY id"))
    steps = iter(rng.sample(pool, int(n)))


def request():
    if workload == "healthz":
        return "/healthz", None
    if workload == "record":
        return f"/api/v1/proposals/{rng.choice(ids)}", fm
    if workload == "list":
        return (f"/api/v1/proposals?state={rng.choice(states)}&city={rng.choice(cities)}"
                f"&sort={rng.choice(sorts)}&limit=20"), fm
    if workload == "partner":
        path = f"/api/v1/proposals?sort={rng.choice(sorts)}&limit=20"
        k = rng.randrange(len(states) + 1)
        return (path + f"&state={states[k]}" if k < len(states) else path), partner
    sys.exit(f"instr_client: unknown workload {workload}")


for _ in range(int(n)):
    if workload == "transition":
        proposal, state, version, city = next(steps)
        body, by_applicant = cycle[state]
        send("POST", f"/api/v1/proposals/{proposal}/transitions", applicants[city] if by_applicant else fm,
             body, {"Content-Type": "application/json", "If-Match": f'"v{version}"'})
    else:
        path, token = request()
        send("GET", path, token)
