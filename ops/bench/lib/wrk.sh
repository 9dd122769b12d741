# Shared by ops/bench/api, scale, export and hostile (sourced, not run): a bearer token, the pool
# of real transitions, the wrk scripts, and one measured run. Needs python3, curl and wrk.

# The demo's second-factor key in every benchmark's fund (seed-demo --demo-totp-secret): fm1
# signs in with a code of it.
BENCH_TOTP_SECRET=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP

# A bearer token of fm1 on the server at $1 (demo password $2): no cookie, no CSRF. Signs in with
# the current code of BENCH_TOTP_SECRET; a code is taken once, so a refused one waits for the next.
bench_token() {
  local base="$1" password="$2" jar csrf="" otp tries
  jar=$(mktemp)
  for tries in 1 2 3; do
    otp=$("${BINARY:-build/citygrants}" totp-code --secret "$BENCH_TOTP_SECRET")
    csrf=$(curl -sf -c "$jar" -H 'Content-Type: application/json' \
      -d "{\"email\":\"fm1@mmc.demo\",\"password\":\"$password\",\"otp\":\"$otp\"}" "$base/api/v1/session" |
      python3 -c 'import sys,json; print(json.load(sys.stdin)["csrf_token"])') && break
    sleep $((30 - $(date +%s) % 30 + 1))
  done
  [ -n "$csrf" ] || { echo "bench: fm1 cannot sign in at $base" >&2; rm -f "$jar"; return 1; }
  curl -sf -b "$jar" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" \
    -d '{"name":"bench"}' "$base/api/v1/tokens" | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])'
  rm -f "$jar"
}

# The transition pool of the server at $1 (token $2), as Lua tables in files $3, $4, ...: every
# submitted proposal (screen), every one in screening (screen_out) and every concept note waiting
# (invite), each with its version, so that each POST is a real, different transition; the rows
# are dealt round-robin over the files (one per server that takes its share).
bench_pool() {
  python3 - "$@" <<'PY'
import json, sys, urllib.request
base, token, outs = sys.argv[1], sys.argv[2], sys.argv[3:]
def page(state, after=None):
    url = f"{base}/api/v1/proposals?state={state}&limit=200" + (f"&after={after}" if after else "")
    req = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
    return json.load(urllib.request.urlopen(req))
rows = []
for state, event in (("submitted", "screen"), ("screening", "screen_out"), ("concept_submitted", "invite")):
    after = None
    while True:
        p = page(state, after)
        rows += [(i["id"], i["version"], event) for i in p["items"]]
        after = p["next"]
        if not after: break
for k, out in enumerate(outs):
    share = rows[k::len(outs)]
    with open(out, "w") as f:
        f.write("pool = {\n" + ",\n".join('{%d,%d,"%s"}' % r for r in share) + "\n}\n")
print(len(rows), "transitions in the pool", file=sys.stderr)
PY
}

# wrk scripts with token $1: $2 (reads with the token) and $3 (transitions from the pool file $4).
bench_scripts() {
  printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$1" > "$2"
  cat "$4" - > "$3" <<LUA
local token = "Bearer $1"
local n = 0
function setup(thread) thread:set("tindex", n); n = n + 1 end
-- wrk calls request() once before the run, on its first thread, to check the script, and never
-- sends what it returns: that call gets a read, so that no row of the pool is skipped.
function init(args) counter = 0; answered = 0; checked = tindex ~= 0 end
function request()
  if not checked then checked = true; return wrk.format("GET", "/healthz") end
  local i = tindex + counter * 2 + 1
  counter = counter + 1
  if i > #pool then i = #pool - tindex end  -- past this thread's share: a refused repeat
  local row = pool[i]
  local body = '{"event":"' .. row[3] .. '"' .. (row[3] ~= "screen" and ',"reason":"bench"' or "") .. '}'
  return wrk.format("POST", "/api/v1/proposals/" .. row[1] .. "/transitions",
                    {["Authorization"] = token, ["Content-Type"] = "application/json",
                     ["If-Match"] = '"v' .. row[2] .. '"'}, body)
end
function response(status, headers, body)
  answered = answered + 1
  if answered >= math.floor(#pool / 2) then wrk.thread:stop() end  -- this thread's share is done
end
LUA
}

# One wrk run: bench_run NAME SCRIPT-or-empty URL SECONDS CONNECTIONS OUTDIR [WRK-ARGS...]; prints
# "NAME req/s p99 non-2xx". Transitions: the pool runs out before the duration does and wrk
# then divides by the whole duration, so the rate is what its threads sustained while working
# (per-thread Req/Sec mean x 2 threads). Reads: successful requests over the run's time.
bench_run() {
  local args=(-t2 -c"$5" -d"$4s" --latency) out="$6/$1.out" rps p99 errs
  [ -n "$2" ] && args+=(-s "$2")
  args+=("${@:7}")
  wrk "${args[@]}" "$3" > "$out"
  p99=$(awk '$1 == "99%" {print $2}' "$out")
  errs=$(awk '/Non-2xx/ {print $5}' "$out"); errs=${errs:-0}
  case "$1" in
    transition*) rps=$(awk '$1 == "Req/Sec" {v=$2; if (v ~ /k$/) {sub(/k$/, "", v); v=v*1000}; printf "%.0f", v*2}' "$out") ;;
    *) rps=$(awk -v errs="$errs" '/requests in/ {n=$1; t=$4; sub(/s,?$/, "", t); if (t ~ /ms/) {sub(/ms/, "", t); t=t/1000}} END {printf "%.0f", (n-errs)/t}' "$out") ;;
  esac
  echo "$1 $rps $p99 $errs"
}

# Waits until every server URL given answers /healthz (10 s at most).
bench_wait() {
  for url in "$@"; do
    for _ in $(seq 1 50); do curl -sf "$url/healthz" >/dev/null && break; sleep 0.2; done
    curl -sf "$url/healthz" >/dev/null || { echo "bench: $url does not answer" >&2; return 1; }
  done
}
