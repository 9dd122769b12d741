#!/usr/bin/env python3
"""The wrk scripts of ops/bench/mixed, written from what the server at BASE holds.

usage: mixed_lua.py BASE TOKEN OUTDIR SHARES
Writes into OUTDIR:
  record.lua   a random proposal (or, one time in five, a random tranche) each request
  list.lua     a random filtered list page each request: state x city x sort
  reads.lua    the read mix: three records for one list page, at random
  mix99.lua, mix95.lua   the read mix with 1 % or 5 % real transitions (SHARES files each:
               mix95-1.lua ... when the load is split over several instances, each with its own
               share of the transitions, so that no transition is fired twice)
Prints how many records, list shapes and transitions it found.
"""
import json
import sys
import urllib.request

base, token, out, shares = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])


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
pool = [(p["id"], p["version"], ev)
        for p in proposals
        for st, ev in (("submitted", "screen"), ("screening", "screen_out"), ("concept_submitted", "invite"))
        if p["state"] == st]


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

# Mixes (99/1 on the first quarter of the transitions, 95/5 on the rest): each wrk thread (two per wrk) fires every other row of its file's share, in order, so
# no two requests fire the same transition; past its rows a thread only reads.
quarter = len(pool) // 4
for percent, rows in ((1, pool[:quarter]), (5, pool[quarter:])):
    for k in range(shares):
        share = rows[k::shares]
        with open(f"{out}/mix{100 - percent}-{k + 1}.lua", "w") as f:
            f.write(common + seeding + seed_rng)
            f.write("pool = {" + ",".join('{%d,%d,"%s"}' % r for r in share) + "}\n")
            f.write(f"""
local next_row = nil
function request()
  next_row = next_row or (tindex + 1)
  if math.random(100) <= {percent} and next_row <= #pool then
    local row = pool[next_row]
    next_row = next_row + 2
    local body = '{{"event":"' .. row[3] .. '"' .. (row[3] ~= "screen" and ',"reason":"bench"' or "") .. '}}'
    return wrk.format("POST", "/api/v1/proposals/" .. row[1] .. "/transitions",
                      {{["Authorization"] = auth, ["Content-Type"] = "application/json",
                        ["If-Match"] = '"v' .. row[2] .. '"'}}, body)
  end
  return get(read_path())
end
""")
print(f"{len(proposals)} proposals, {len(tranches)} tranches, {len(states)} states x {len(cities)} cities, "
      f"{len(pool)} transitions in the pool", file=sys.stderr)
