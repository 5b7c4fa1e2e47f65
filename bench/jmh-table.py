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
      "`listenedCallUnderLock` | B/op off | B/op on | B/op under lock |")
print("|---|---|---|---|---|---|---|---|---|---|")
for depth in ["0", "100"]:
    p = get(D + "plainCall", depth=depth)
    off = get(D + "listenedCallUnprotected", depth=depth)
    on = get(D + "listenedCall", depth=depth)
    lock = get(D + "listenedCallUnderLock", depth=depth)
    label = "shallow (+0 frames)" if depth == "0" else f"deep (+{depth} frames)"
    print(f"| {label} | {ns(p)} | {ns(off)} | {ns(on)} | {num(on[0] - off[0])} | {num((on[0] - off[0]) / 2)} "
          f"| {ns(lock)} | {alloc(off)} | {alloc(on)} | {alloc(lock)} |")
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
print("| groutines per request (10 calls) | idle: ns/request | idle: B/request | idle: ns per groutine "
      "| listening: ns/request | listening: B/request | listening: ns per groutine-call |")
print("|---|---|---|---|---|---|---|")
i0 = get(S + "idleGroutines", groutines=0)
l0 = get(S + "listeningGroutines", groutines=0)
for n in [0, 1, 4, 16, 64]:
    i = get(S + "idleGroutines", groutines=n)
    l = get(S + "listeningGroutines", groutines=n)
    per_i = "—" if n == 0 else num((i[0] - i0[0]) / n)
    per_l = "—" if n == 0 else num((l[0] - l0[0]) / (n * 10))
    label = "0 (baseline: hub, 10 dormant calls)" if n == 0 else str(n)
    print(f"| {label} | {ns(i, 0)} | {alloc(i)} | {per_i} | {ns(l, 0)} | {alloc(l)} | {per_l} |")
print()

print("| calls per request | `plainCalls`: unwoven, no hub (baseline) | `dormantCalls`: hub, no groutine "
      "| `listenedCalls`: hub, one groutine at ENTER and EXIT | ns per listened call | B/request (listened) |")
print("|---|---|---|---|---|---|")
for c in [1, 10, 100]:
    p = get(S + "plainCalls", calls=c)
    d = get(S + "dormantCalls", calls=c)
    l = get(S + "listenedCalls", calls=c)
    print(f"| {c} | {ns(p, 1)} | {ns(d, 0)} | {ns(l, 0)} | {num(l[0] / c)} | {alloc(l)} |")
