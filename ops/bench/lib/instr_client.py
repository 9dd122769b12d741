#!/usr/bin/env python3
"""The requests of ops/bench/instructions: N requests of one workload, one after another on one
kept-alive connection, in an order fixed by a seed (the same in every run, for every binary).

usage: instr_client.py PORT DB WORKLOAD N SEED FM_TOKEN PARTNER_TOKEN
WORKLOAD: healthz | record (a random proposal) | list (a random page: state x city x sort, 20 a
page) | partner (a random page of what a partner's reviewer sees: state or none x sort).
The records, states and cities are read from the fund's SQLite file DB. Any answer but 200 stops
the run with its status, so a count is never of refusals.
"""
import http.client
import random
import sqlite3
import sys

port, db, workload, n, seed, fm, partner = sys.argv[1:8]
fund = sqlite3.connect(db)
ids = [r[0] for r in fund.execute("SELECT id FROM proposals ORDER BY id")]
states = [r[0] for r in fund.execute("SELECT DISTINCT state FROM proposals ORDER BY state")]
cities = [r[0] for r in fund.execute("SELECT DISTINCT city_org_id FROM proposals ORDER BY 1")]
sorts = ["id", "-id", "updated_at", "-updated_at"]
rng = random.Random(int(seed))


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


connection = http.client.HTTPConnection("127.0.0.1", int(port), timeout=600)
for _ in range(int(n)):
    path, token = request()
    connection.request("GET", path, headers={"Authorization": "Bearer " + token} if token else {})
    answer = connection.getresponse()
    body = answer.read()
    if answer.status != 200:
        sys.exit(f"instr_client: {path} answered {answer.status}: {body[:200]!r}")
