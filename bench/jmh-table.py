#!/usr/bin/env python3
"""Prints the JMH tables of docs/performance.md from a JMH JSON result (-rf json -rff FILE).

    python3 bench/jmh-table.py benchmarks/target/jmh.json

Every figure is printed beside its baseline from the same run (same JSON file). ns/op is the mean ± the 99.9 %
confidence interval JMH reports; B/op is gc.alloc.rate.norm (run with -prof gc). A benchmark missing from the file
is printed as "—".
"""
import json
import sys

rows = json.load(open(sys.argv[1]))


def key(r):
    name = r["benchmark"].rsplit(".", 2)
    return name[-2] + "." + name[-1], tuple(sorted((r.get("params") or {}).items()))


res = {}
for r in rows:
    p = r["primaryMetric"]
    alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
    error = p["scoreError"] if isinstance(p["scoreError"], (int, float)) else float("nan")  # "NaN" for 1 iteration
    res[key(r)] = (p["score"], error, alloc)

NONE = (float("nan"), float("nan"), None)


def get(name, **params):
    return res.get((name, tuple(sorted((k, str(v)) for k, v in params.items()))), NONE)


def ns(x, digits=2):
    s, e = x[0], x[1]
    if s != s:
        return "—"
    if s >= 100:
        digits = 0
    text = f"{s:,.{digits}f}".replace(",", " ")
    return text if e != e else text + f" ± {e:,.{digits}f}".replace(",", " ")


def num(v, digits=0):
    if v is None or v != v:
        return "—"
    return f"{v:,.{digits}f}".replace(",", " ")


def alloc(x):
    return num(x[2])


if rows:
    r = rows[0]
    print(f"<!-- JMH {r.get('jmhVersion')}, {r.get('vmName')} {r.get('vmVersion')} ({r.get('jdkVersion')}); "
          f"{r.get('forks')} forks × {r.get('measurementIterations')} × {r.get('measurementTime')} measured after "
          f"{r.get('warmupIterations')} × {r.get('warmupTime')} warm-up; {len(rows)} benchmark/parameter combinations -->")
    print()

# ---- woven calls nobody on this thread listens to --------------------------------------------------------------
W = "WovenCallBenchmark."
print("| benchmark | ns/op | baseline | baseline ns/op | difference ns | ratio | B/op | baseline B/op |")
print("|---|---|---|---|---|---|---|---|")
for kind, base in [("Call", "unwovenCall"), ("ReferenceCall", "unwovenReferenceCall"),
                   ("Constructor", "unwovenConstructor")]:
    b = get(W + base)
    for state in ["Dormant", "ArmedElsewhere", "ArmedHubHere"]:
        name = "woven" + state + kind
        x = get(W + name)
        if x is NONE:
            continue
        print(f"| `{name}` | {ns(x)} | `{base}` | {ns(b)} | {num(x[0] - b[0], 2)} | {num(x[0] / b[0], 2)} "
              f"| {alloc(x)} | {alloc(b)} |")
print()

# ---- a listened call, with and without the lock protection ---------------------------------------------------
D = "DispatchBenchmark."
print("| stack under the call | `plainCall` (baseline) | `listenedCallUnprotected` (protection off) | "
      "`listenedCall` (protection on) | protection: per call | per suspension (2 per call) | "
      "`listenedCallUnderLock` | `listenedCallUnderNewLock` | B/op off | B/op on | B/op under lock "
      "| B/op under a new lock |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
for depth in ["0", "100"]:
    p = get(D + "plainCall", depth=depth)
    off = get(D + "listenedCallUnprotected", depth=depth)
    on = get(D + "listenedCall", depth=depth)
    lock = get(D + "listenedCallUnderLock", depth=depth)
    new = get(D + "listenedCallUnderNewLock", depth=depth)
    label = "shallow (+0 frames)" if depth == "0" else f"deep (+{depth} frames)"
    print(f"| {label} | {ns(p)} | {ns(off)} | {ns(on)} | {num(on[0] - off[0])} | {num((on[0] - off[0]) / 2)} "
          f"| {ns(lock)} | {ns(new)} | {alloc(off)} | {alloc(on)} | {alloc(lock)} | {alloc(new)} |")
print()

# ---- what Call.caller() adds to a listened call ----------------------------------------------------------------
print("| stack under the call | `listenedCall` | `listenedCallAskingCaller` | `caller()` asked, per call |")
print("|---|---|---|---|")
for depth in ["0", "100"]:
    on = get(D + "listenedCall", depth=depth)
    asking = get(D + "listenedCallAskingCaller", depth=depth)
    print(f"| +{depth} frames | {ns(on)} | {ns(asking)} | {num(asking[0] - on[0])} |")
print()

# ---- the lock check in each mode, per suspension --------------------------------------------------------------
print("| thread, stack under the call | lock check | no lock held: per call | per suspension over off "
      "| under a new lock of the caller's: per call | per call over off |")
print("|---|---|---|---|---|---|")
for depth in ["0", "100"]:
    off = get(D + "listenedCallUnprotected", depth=depth)
    for mode, suffix in [("fast-count", ""), ("internal-snapshot", "InternalSnapshot"), ("public-api", "PublicApi")]:
        on = get(D + "listenedCall" + suffix, depth=depth)
        new = get(D + "listenedCallUnderNewLock" + suffix, depth=depth)
        print(f"| platform, +{depth} frames | {mode} | {ns(on)} | {num((on[0] - off[0]) / 2)} | {ns(new)} "
              f"| {num(new[0] - off[0])} |")
for depth in ["0", "100"]:
    off = get(D + "listenedCallOnVirtualThreadUnprotected", depth=depth)
    plain = get(D + "plainCallOnVirtualThread", depth=depth)
    for mode, suffix in [("off", "Unprotected"), ("fast-count", ""), ("internal-snapshot", "InternalSnapshot")]:
        on = get(D + "listenedCallOnVirtualThread" + suffix, depth=depth)
        over = "—" if suffix == "Unprotected" else num((on[0] - off[0]) / 2)
        print(f"| virtual, +{depth} frames (unwoven: {ns(plain)}) | {mode} | {ns(on)} | {over} | — | — |")
print()

print("| benchmark | protection off (`...Unprotected`) | protection on | protection per suspension (1 per op) "
      "| B/op off | B/op on |")
print("|---|---|---|---|---|---|")
for b in ["eventFire", "spawnAndKill"]:
    off = get(D + b + "Unprotected")
    on = get(D + b)
    print(f"| `{b}` | {ns(off)} | {ns(on)} | {num(on[0] - off[0])} | {alloc(off)} | {alloc(on)} |")
print()

# ---- scaling -------------------------------------------------------------------------------------------------
S = "ScalingBenchmark."
for bench, what, per in [("idleGroutines", "idle", "ns per groutine"),
                         ("listeningGroutines", "listening", "ns per groutine-call")]:
    print(f"| {what} groutines per request (10 calls) | protection on: ns/request | B/request | {per} "
          f"| protection off: ns/request | B/request | {per} |")
    print("|---|---|---|---|---|---|---|")
    on0 = get(S + bench, groutines=0)
    off0 = get(S + bench + "Unprotected", groutines=0)
    for n in [0, 1, 4, 16, 64]:
        on = get(S + bench, groutines=n)
        off = get(S + bench + "Unprotected", groutines=n)
        div = n if bench == "idleGroutines" else n * 10
        per_on = "—" if n == 0 else num((on[0] - on0[0]) / div)
        per_off = "—" if n == 0 else num((off[0] - off0[0]) / div)
        label = "0 (baseline: hub, 10 dormant calls)" if n == 0 else str(n)
        print(f"| {label} | {ns(on, 0)} | {alloc(on)} | {per_on} | {ns(off, 0)} | {alloc(off)} | {per_off} |")
    print()

print("| calls per request | `plainCalls`: unwoven, no hub (baseline) | `dormantCalls`: hub, no groutine "
      "| `listenedCalls`, protection on | ns per call | B/request "
      "| `listenedCallsUnprotected` | ns per call | B/request |")
print("|---|---|---|---|---|---|---|---|---|")
for c in [1, 10, 100]:
    p = get(S + "plainCalls", calls=c)
    d = get(S + "dormantCalls", calls=c)
    on = get(S + "listenedCalls", calls=c)
    off = get(S + "listenedCallsUnprotected", calls=c)
    print(f"| {c} | {ns(p, 1)} | {ns(d, 0)} | {ns(on, 0)} | {num(on[0] / c)} | {alloc(on)} "
          f"| {ns(off, 0)} | {num(off[0] / c)} | {alloc(off)} |")
print()

# ---- a watched call site ---------------------------------------------------------------------------------------
C = "CallSiteBenchmark."
print("| benchmark | ns/op | baseline | baseline ns/op | difference ns | B/op |")
print("|---|---|---|---|---|---|")
for name, base in [("watchedDormantCall", "earlyCall"), ("watchedArmedElsewhereCall", "earlyArmedElsewhereCall"),
                   ("watchedAwaitedElsewhereCall", "earlyArmedElsewhereCall")]:
    x, b = get(C + name), get(C + base)
    if x is NONE:
        continue
    print(f"| `{name}` | {ns(x)} | `{base}` | {ns(b)} | {num(x[0] - b[0], 2)} | {alloc(x)} |")
print()

# ---- the two forms of the interception protocol --------------------------------------------------------------
A = "AdviceFormBenchmark."
print("| state | specialised advice: `sum8` (8 parameters) | generic routine: `sum9` (9 parameters) "
      "| generic / specialised | B/op specialised | B/op generic |")
print("|---|---|---|---|---|---|")
for state in ["unwoven", "dormant", "listened"]:
    e = get(A + state + "Eight")
    n = get(A + state + "Nine")
    label = state + " (baseline)" if state == "unwoven" else state
    print(f"| {label} | {ns(e)} | {ns(n)} | {num(n[0] / e[0], 1)} | {alloc(e)} | {alloc(n)} |")
