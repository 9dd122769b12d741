#!/usr/bin/env python3
"""The table of ops/bench/mixed from its results file.

usage: mixed_report.py RESULTS PROPOSALS GROWTH
RESULTS lines: "CONFIG WORKLOAD REQ/S P99_MS NON2XX" (open_reads and open_writes: the read mix and
the transitions that ran beside it on other connections), "CONFIG rss KIB", "seed N SECONDS",
"verify large EVENTS SECONDS", "fired CONFIG WORKLOAD TRANSITIONS SECONDS",
"cost CONFIG WORKLOAD CPU_US MISSES CPU_US MISSES SECONDS" (before and after the workload: the
server's CPU, PostgreSQL's too for a PostgreSQL CONFIG, and its response cache's misses),
"not_ok CONFIG WORKLOAD ROUTE STATUS COUNT" (the workload's 4xx and 5xx, from the servers' /metrics).
A SQLite workload's ratio is to the mean of the /healthz rates measured just before it ("pace_W") and
just after it (the next workload's pace, or healthz_end); "x first" is to the round's first /healthz.
"""
import sys

path, proposals, growth = sys.argv[1], sys.argv[2], sys.argv[3]
runs, rss, seeds, verify, fired, costs, not_ok = {}, {}, {}, None, {}, {}, []
for line in open(path):
    f = line.split()
    if not f:
        continue
    if f[0] == "seed":
        seeds[f[1]] = float(f[2])
    elif f[0] == "fired":
        fired[(f[1], f[2])] = int(f[3]) / float(f[4])
    elif f[0] == "cost":
        costs[(f[1], f[2])] = (int(f[5]) - int(f[3]), int(f[6]) - int(f[4]), float(f[7]))
    elif f[0] == "not_ok":
        not_ok.append(f[1:])
    elif f[0] == "verify":
        verify = (int(f[2]), float(f[3]))
    elif f[1] == "rss":
        rss[f[0]] = int(f[2])
    else:
        runs[(f[0], f[1])] = (float(f[2]), float(f[3]), int(f[4]))

names = {
    "healthz": "GET /healthz",
    "one": "one proposal again and again",
    "record": "a random record",
    "list": "a random list page",
    "record_nocache": "a random record, caches off",
    "list_nocache": "a random list page, caches off",
    "partner_nocache": "a partner's list page, caches off",
    "reads": "read mix (100/0)",
    "mix99": "99 % reads + 1 % transitions",
    "mix95": "95 % reads + 5 % transitions",
    "open_reads": "read mix, transitions beside it",
}
targets = {
    "record_nocache": ">= 0.30 x healthz",
    "list_nocache": ">= 0.30 x healthz",
    "partner_nocache": ">= 0.30 x healthz",
    "mix99": ">= 0.90 x read mix",
    "mix95": ">= 0.40 x healthz, p99 < 10 ms",
}


def baseline(config, w):
    """GET /healthz around workload w: the mean of the rate just before it and just after it (the
    next workload's pace, or healthz_end); the round's first /healthz for a round without paces."""
    order = [k for k in names if k != "healthz"]
    before = runs.get((config, "pace_" + w))
    if not before or w not in order:
        return runs[(config, "healthz")][0]
    after = next((runs[(config, "pace_" + k)] for k in order[order.index(w) + 1:]
                  if (config, "pace_" + k) in runs), runs.get((config, "healthz_end")))
    return (before[0] + after[0]) / 2 if after else before[0]


def cpu_per_request(config, w):
    """The server's CPU (with PostgreSQL's) per request answered, in microseconds, or None."""
    if (config, w) not in costs or (config, w) not in runs:
        return None
    us, _, seconds = costs[(config, w)]
    return us / (runs[(config, w)][0] * seconds)


def cpu(config, w):
    c = cpu_per_request(config, w)
    return f"{c:>9.1f}" if c is not None else f"{'':>9}"


def row(label, config, w, r, ratio, first, target=""):
    gap = " " if len(ratio) >= 8 else ""
    print(f"{label:<34}{r[0]:>9.0f}{r[1]:>9.2f}{r[2]:>9}{cpu(config, w)}   {ratio:<8}{gap}{first:<9}{target}")


def transitions(config, w):
    """What a mix fired, per second (a mix whose transitions stalled measured reads), and what
    each cost beyond the read it replaced: server CPU, and the cache misses it caused."""
    if (config, w) not in fired:
        return ""
    out = f"{fired[(config, w)]:.0f} transitions/s"
    mix, reads = cpu_per_request(config, w), cpu_per_request(config, "reads")
    if mix is not None and reads is not None and fired[(config, w)] > 0:
        rate, seconds = runs[(config, w)][0], costs[(config, w)][2]
        requests, n = rate * seconds, fired[(config, w)] * seconds
        extra = (mix - reads) * requests / n
        # Misses beyond those of the read mix alone (a cache that cannot hold every record misses
        # without any transition).
        read_us, read_misses, read_seconds = costs[(config, "reads")]
        read_requests = runs[(config, "reads")][0] * read_seconds
        misses = (costs[(config, w)][1] - read_misses / read_requests * requests) / n
        out += f"; each {extra:.0f} us of CPU beyond a read, {misses:.1f} more misses"
    return out


def beside(config):
    """The transitions that ran beside open_reads, on connections of their own."""
    if (config, "open_writes") not in runs or (config, "open_writes") not in fired:
        return ""
    rate = fired[(config, "open_writes")]
    per = f" (1 for {runs[(config, 'open_reads')][0] / rate:.0f} reads)" if rate > 0 else ""
    return (f"{rate:.0f} transitions/s{per} beside the reads, on 4 connections of their own; "
            f"their p99 {runs[(config, 'open_writes')][1]:.2f} ms")


def sqlite_table(config, title):
    h = runs.get((config, "healthz"))
    if not h:
        return
    print(f"\n{title}")
    print(f"{'workload':<34}{'req/s':>9}{'p99 ms':>9}{'non-2xx':>9}{'CPU us':>9}   ratio   x first  target")
    for w, label in names.items():
        r = runs.get((config, w))
        if not r:
            continue
        ratio = r[0] / baseline(config, w)
        if w in ("mix99", "open_reads") and (config, "reads") in runs:
            reads = runs[(config, "reads")][0] / baseline(config, "reads")
            print_ratio = f"{ratio:.2f}  ({ratio / reads:.2f} x read mix)"
        else:
            print_ratio = f"{ratio:.2f}"
        row(label, config, w, r, print_ratio, f"{r[0] / h[0]:.2f}", targets.get(w, ""))
        if (config, w) in fired:
            print(f"{'':<34}{transitions(config, w)}")
        if w == "open_reads":
            print(f"{'':<34}{beside(config)}")
    end = runs.get((config, "healthz_end"))
    if end:
        paces = [v[0] for (c, k), v in runs.items() if c == config and k.startswith("pace_")]
        around = f"; just before the workloads {min(paces):.0f}-{max(paces):.0f}" if paces else ""
        basis = "the /healthz around each workload" if paces else "the first"
        print(f"GET /healthz again at the end: {end[0]:.0f} req/s, {end[0] / h[0]:.2f} x the first{around} "
              f"(the machine's drift over the round: ratio is to {basis})")
    if config in rss:
        print(f"peak RSS of the cached server: {rss[config] / 1024:.0f} MiB (target < 150 MB)")


sqlite_table("sqlite", f"SQLite, one instance, {proposals} proposals (ratios to GET /healthz)")

for config, title in (("pg1", "PostgreSQL, one instance"), ("pg2", "PostgreSQL, two instances")):
    if (config, "reads") not in runs:
        continue
    print(f"\n{title}, {proposals} proposals (ratios to the SQLite run; target >= 0.5 for one, "
          f"two >= 1.0 x one)")
    print(f"{'workload':<34}{'req/s':>9}{'p99 ms':>9}{'non-2xx':>9}{'CPU us':>9}   x SQLite  x one PG")
    for w in ("record", "list", "reads", "mix95", "open_reads"):
        r, s = runs.get((config, w)), runs.get(("sqlite", w))
        if not r or not s:
            continue
        one = runs.get(("pg1", w))
        vs_one = f"{r[0] / one[0]:.2f}" if config == "pg2" and one else ""
        extra = beside(config) if w == "open_reads" else transitions(config, w)
        print(f"{names[w]:<34}{r[0]:>9.0f}{r[1]:>9.2f}{r[2]:>9}{cpu(config, w)}   {r[0] / s[0]:<10.2f}"
              f"{vs_one:<10}{extra}")

if growth:
    sqlite_table("large", f"SQLite, one instance, {growth} proposals (ratios to GET /healthz)")
    print(f"\nGrowth: {growth} against {proposals} proposals (target: every read >= 0.8)")
    for w in ("record", "list", "record_nocache", "list_nocache", "partner_nocache", "reads", "mix95"):
        big, small = runs.get(("large", w)), runs.get(("sqlite", w))
        if big and small:
            ratio = (big[0] / baseline("large", w)) / (small[0] / baseline("sqlite", w))
            print(f"{names[w]:<34}{ratio:>6.2f}  (ratios to the /healthz around each)")
    if proposals in seeds and growth in seeds:
        print(f"seed-demo: {seeds[proposals]:.0f} s for {proposals}, {seeds[growth]:.0f} s for {growth}: "
              f"{seeds[growth] / seeds[proposals]:.1f}x (target <= 10x)")
    if verify:
        print(f"verify-audit over {verify[0]} events: {verify[1]:.1f} s, {verify[0] / verify[1]:.0f} events/s")
elif proposals in seeds:
    print(f"\nseed-demo --proposals {proposals}: {seeds[proposals]:.0f} s")

if not_ok:
    print("\nAnswers that were not 2xx or 3xx, from each server's /metrics")
    print(f"  {'configuration':<15}{'workload':<18}{'route':<44}{'status':>7}{'count':>8}")
    for config, w, route, status, count in sorted(not_ok):
        print(f"  {config:<15}{w:<18}{route:<44}{status:>7}{count:>8}")
