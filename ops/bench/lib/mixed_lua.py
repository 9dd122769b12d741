#!/usr/bin/env python3
"""The wrk scripts of ops/bench/mixed, written from what the server at BASE holds.

usage: mixed_lua.py BASE TOKEN OUTDIR SHARES PASSWORD
Writes into OUTDIR:
  record.lua   a random proposal (or, one time in five, a random tranche) each request
  list.lua     a random filtered list page each request: state x city x sort
  partner_list.lua   a random list page of a partner's reviewer (IOM): state (or none) x sort
  reads.lua    the read mix: three records for one list page, at random
  mix99.lua, mix95.lua   the read mix with 1 % or 5 % real transitions (SHARES files each:
               mix95-1.lua ... when the load is split over several instances, each with its own
               share of the proposals, so that no two requests fire at one proposal)
  open-writes.lua   transitions only, at a pace, to run beside reads.lua on other connections
A transition is one step of the revision cycle that a fund keeps going round: the city's applicant
resubmits (revision_requested -> submitted), a fund manager screens (-> screening) and returns it
(-> revision_requested). Every proposal in one of those states takes part, and each wrk thread
goes round its own proposals for as long as it runs: the pool never runs dry, whatever the rate.
(A pool of one-way transitions did: at 1,000 transitions/s it was spent in 3 s, and the rest of
the 10 s measured reads.) Applicants sign in with PASSWORD; fund managers use TOKEN.
Prints how many records, list shapes and cycling proposals it found.
"""
import json
import sys
import urllib.request

import signin

base, token, out, shares, password = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]


def get(path):
    req = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    return json.load(urllib.request.urlopen(req))


def every(path):
    after, items = None, []
    while True:
        page = get(path + ("&" if "?" in path else "?") + "limit=200" + (f"&after={after}" if after else ""))
        items += page["items"]
        after = page["next"]
        if not after:
            return items


proposals = every("/api/v1/proposals?sort=id")
tranches = every("/api/v1/tranches")
states = sorted({p["state"] for p in proposals})
cities = sorted({p["city"]["id"] for p in proposals})
# The revision cycle: the event fired from each state, and who fires it.
cycle = {"revision_requested": 1, "submitted": 2, "screening": 3}
pool = [(p["id"], p["version"], cycle[p["state"]], p["city"]["id"]) for p in proposals if p["state"] in cycle]


def login_token(email):
    """An API token of the demo login EMAIL (one that signs in without a second factor)."""
    return signin.token(base, email, password)


city_names = {p["city"]["id"]: p["city"]["name"] for p in proposals}
applicants = {city: login_token(signin.applicant(city_names[city])) for city in sorted({row[3] for row in pool})}


def lua_list(name, values):
    return name + " = {" + ",".join(str(v) for v in values) + "}\n"


common = (
    lua_list("proposal_ids", [p["id"] for p in proposals])
    + lua_list("tranche_ids", [t["id"] for t in tranches])
    + "states = {" + ",".join(f'"{s}"' for s in states) + "}\n"
    + lua_list("cities", cities)
    + 'sorts = {"id", "-id", "updated_at", "-updated_at"}\n'
    + f'auth = "Bearer {token}"\n'
    + """
function record_path()
  if #tranche_ids > 0 and math.random(5) == 1 then
    return "/api/v1/tranches/" .. tranche_ids[math.random(#tranche_ids)]
  end
  return "/api/v1/proposals/" .. proposal_ids[math.random(#proposal_ids)]
end
function list_path()
  return "/api/v1/proposals?state=" .. states[math.random(#states)] .. "&city=" ..
         cities[math.random(#cities)] .. "&sort=" .. sorts[math.random(#sorts)] .. "&limit=20"
end
function read_path()
  if math.random(4) == 1 then return list_path() end
  return record_path()
end
function get(path) return wrk.format("GET", path, {["Authorization"] = auth}) end
"""
)
seeding = 'local n = 0\nfunction setup(thread) thread:set("tindex", n); n = n + 1 end\n'
seed_rng = "function init(args) math.randomseed(os.time() * 97 + (tindex or 0)) end\n"

for name, body in (("record", "return get(record_path())"), ("list", "return get(list_path())"),
                   ("reads", "return get(read_path())")):
    with open(f"{out}/{name}.lua", "w") as f:
        f.write(common + seeding + seed_rng + f"function request() {body} end\n")

# A strategic partner's reviewer (IOM): a random page of what the partner supports or reviews,
# filtered on a random state or on none, in a random order.
with open(f"{out}/partner_list.lua", "w") as f:
    f.write(common + seeding + seed_rng + f'partner_auth = "Bearer {login_token("reviewer@iom.demo")}"\n')
    f.write("""
function request()
  local path = "/api/v1/proposals?sort=" .. sorts[math.random(#sorts)] .. "&limit=20"
  local k = math.random(#states + 1)
  if k <= #states then path = path .. "&state=" .. states[k] end
  return wrk.format("GET", path, {["Authorization"] = partner_auth})
end
""")

# Mixes (99/1 on the first quarter of the cycling proposals, 95/5 on the second half): each wrk
# thread (two per wrk) takes every other proposal of its file's share and fires at them in turn,
# round and round, each one's next event at its next version; a proposal comes round again only
# after the thread's other ones (hundreds), long after its last transition was answered. The second
# quarter is open-writes.lua's: transitions only, each connection waiting `interval` ms (set by
# ops/bench/mixed before the file) after an answer, while the read mix runs on connections of its own.
quarter = len(pool) // 4
tokens = "applicants = {" + ",".join(f'[{city}]="Bearer {t}"' for city, t in applicants.items()) + "}\n"
cycle_lua = """
local bodies = {'{"event":"resubmit"}', '{"event":"screen"}', '{"event":"return","reason":"bench"}'}
local next_row = nil
-- The next step of this thread's next proposal, at its version, or nil if the thread has none.
function next_transition()
  next_row = next_row or (tindex + 1)
  if next_row > #pool then return nil end
  local row = pool[next_row]
  next_row = next_row + 2
  if next_row > #pool then next_row = tindex + 1 end
  local step, version = row[3], row[2]
  row[2] = version + 1
  row[3] = step % 3 + 1
  return wrk.format("POST", "/api/v1/proposals/" .. row[1] .. "/transitions",
                    {["Authorization"] = step == 1 and applicants[row[4]] or auth,
                     ["Content-Type"] = "application/json", ["If-Match"] = '"v' .. version .. '"'},
                    bodies[step])
end
"""


def lua_pool(rows):
    return "pool = {" + ",".join("{%d,%d,%d,%d}" % r for r in rows) + "}\n"


for percent, rows in ((1, pool[:quarter]), (5, pool[2 * quarter:])):
    for k in range(shares):
        with open(f"{out}/mix{100 - percent}-{k + 1}.lua", "w") as f:
            f.write(common + seeding + seed_rng + tokens + lua_pool(rows[k::shares]) + cycle_lua)
            f.write(f"""
local calls = 0
function request()
  calls = calls + 1
  -- A thread's first request is a read: wrk calls request() once before the run, on its first
  -- thread, to check the script, and never sends what it returns. A transition there would move its
  -- proposal's version on here but not on the server, and each later step of it would be a 412.
  if calls > 1 and math.random(100) <= {percent} then
    local transition = next_transition()
    if transition then return transition end
  end
  return get(read_path())
end
""")
with open(f"{out}/open-writes.lua", "w") as f:
    f.write(common + seeding + seed_rng + tokens + lua_pool(pool[quarter:2 * quarter]) + cycle_lua)
    f.write("""
interval = interval or 10
local checked = false
function request()
  -- wrk's check call (see the mixes) comes on thread 0 only; it gets a read.
  if tindex == 0 and not checked then checked = true; return get("/healthz") end
  return next_transition() or get("/healthz")
end
function delay() return interval end
""")
print(f"{len(proposals)} proposals, {len(tranches)} tranches, {len(states)} states x {len(cities)} cities, "
      f"{len(pool)} proposals in the revision cycle", file=sys.stderr)
