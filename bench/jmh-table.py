#!/usr/bin/env python3
"""Prints the tables of docs/performance.md from a JMH JSON result (-rf json -rff FILE).

    python3 bench/jmh-table.py benchmarks/target/jmh.json
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
    res[key(r)] = (p["score"], p["scoreError"], alloc)


def fmt(name, params=()):
    s, e, a = res[(name, params)]
    return s, e, a


def line(label, name, base, params=()):
    s, e, a = fmt(name, params)
    bs, be, ba = fmt(base, params)
    print(f"| {label} | {s:.2f} ± {e:.2f} | {bs:.2f} ± {be:.2f} | {s / bs:.2f} | {a:.0f} | {ba:.0f} |")


print("| benchmark | ns/op | baseline ns/op | ratio | B/op | baseline B/op |")
print("|---|---|---|---|---|---|")
for b in ["dormant", "dormantArmedElsewhere", "enterExitDispatch", "eventFire", "spawnAndKill"]:
    line(f"DispatchBenchmark.{b}", f"DispatchBenchmark.{b}", "DispatchBenchmark.baseline")
s, e, a = fmt("DispatchBenchmark.baseline")
print(f"| DispatchBenchmark.baseline | {s:.2f} ± {e:.2f} | — | 1 | {a:.0f} | — |")
for b, base in [("wovenDormantCall", "unwovenCall"), ("wovenListenedCall", "unwovenCall"),
                ("wovenDormantReferenceCall", "unwovenReferenceCall"), ("wovenDormantConstructor", "unwovenConstructor")]:
    line(f"WovenCallBenchmark.{b} vs {base}", f"WovenCallBenchmark.{b}", f"WovenCallBenchmark.{base}")

print()
print("| live groutines per request (10 calls) | idle: ns/request | idle: B/request | listening: ns/request | listening: B/request |")
print("|---|---|---|---|---|")
for n in ["0", "1", "4", "16", "64"]:
    i = fmt("ScalingBenchmark.idleGroutines", (("groutines", n),))
    l = fmt("ScalingBenchmark.listeningGroutines", (("groutines", n),))
    print(f"| {n} | {i[0]:.0f} ± {i[1]:.0f} | {i[2]:.0f} | {l[0]:.0f} ± {l[1]:.0f} | {l[2]:.0f} |")
print()
print("| calls per request | plain: ns | hub, no groutine: ns | one groutine at ENTER+EXIT: ns | per listened call: ns | B/request (listened) |")
print("|---|---|---|---|---|---|")
for c in ["1", "10", "100"]:
    p = fmt("ScalingBenchmark.plainCalls", (("calls", c),))
    d = fmt("ScalingBenchmark.dormantCalls", (("calls", c),))
    l = fmt("ScalingBenchmark.listenedCalls", (("calls", c),))
    print(f"| {c} | {p[0]:.1f} ± {p[1]:.1f} | {d[0]:.0f} ± {d[1]:.0f} | {l[0]:.0f} ± {l[1]:.0f} | {l[0] / int(c):.0f} | {l[2]:.0f} |")
