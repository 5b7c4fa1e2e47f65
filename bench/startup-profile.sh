#!/usr/bin/env bash
# Where the start-up time of groutines goes: starts the demo (as bench/startup.sh does) with Java Flight Recorder, and
# reports (1) the agent's own events — io.groutines.AgentStart (its scan of the application's code, the weaver's
# start) and io.groutines.Weave (each class given to the weaver or taken from the weaving cache, with the time it
# took and whether AspectJ set up its weaver for the class loader meanwhile) — and (2) the samples of the main thread
# (every 2 ms), which runs the agent's premain, the starter and the weaving, sorted into the agent's and the weaver's
# steps, and those of the thread that weaves ahead (docs/weaving.md, "Weaving ahead"). The recorder slows the start itself: the shares are what this is for, not the durations (those are
# bench/startup.sh's).
#
#   bench/startup-profile.sh                 STARTS=3 starts of each of VARIANTS="agent-on agent-on-cached"
#
# Environment: STARTS, VARIANTS (the names of bench/startup.sh), SKIP_BUILD, WAIT_QUIET, PORT, JAVA_HOME as there.
# Results: printed, and kept in bench/out/startup-profile/ (the recordings, profile.txt).
# On a shared machine run it under a lock that other benchmarks take too: flock LOCKFILE bench/startup-profile.sh
set -euo pipefail

cd "$(dirname "$0")/.."
log() { printf '[profile] %s\n' "$*" >&2; }
OUT="$(pwd)/bench/out/startup-profile"
. bench/lib.sh

STARTS=${STARTS:-3}
VARIANTS=${VARIANTS:-agent-on agent-on-cached}
find_java
build_demo
JFR="$(dirname "$JAVA")/jfr"
trap stop_app EXIT INT TERM

ON=(--groutines.allow-in-production=true)
# sets JVM, APP and CACHE (the variant's weaving cache, emptied before each start of agent-on and attach-on)
variant_args() {
    JVM=("-XX:StartFlightRecording:filename=recording.jfr,settings=profile,jdk.ExecutionSample#period=2ms")
    CACHE="$OUT/weave-cache-$1"
    case $1 in
        agent-on|agent-on-cached)   JVM+=("-javaagent:$ROOT/$AGENT"); APP=("${ON[@]}") ;;
        attach-on|attach-on-cached) APP=("${ON[@]}") ;;
        agent-off)                  JVM+=("-javaagent:$ROOT/$AGENT"); APP=(--groutines.enabled=false) ;;
        agent-on-aspectj)           JVM+=("-javaagent:$ROOT/$AGENT" -Dgroutines.weave.direct=false); APP=("${ON[@]}") ;;
        agent-on-narrow)            JVM+=("-javaagent:$ROOT/$AGENT"); APP=("${ON[@]}" --groutines.weave.application-packages=false) ;;
        *) log "unknown variant $1"; exit 1 ;;
    esac
    JVM+=("-Dgroutines.weave.cache.dir=$CACHE")
}

for v in $VARIANTS; do
    variant_args "$v"
    rm -rf "$CACHE"
    if [[ "$v" == *-cached ]]; then
        log "filling the weaving cache of $v"
        start_app "warm-$v" "${JVM[@]}" -- "${APP[@]}"
        stop_app
    fi
done

for round in $(seq 1 "$STARTS"); do
    for v in $VARIANTS; do
        variant_args "$v"
        [[ "$v" == *-cached ]] || rm -rf "$CACHE"
        wait_quiet
        start_app "$v-$round" "${JVM[@]}" -- "${APP[@]}"
        stop_app
        "$JFR" print --events jdk.ExecutionSample --stack-depth 400 "$OUT/$v-$round/recording.jfr" > "$OUT/$v-$round/samples.txt"
        "$JFR" print --events io.groutines.AgentStart,io.groutines.Weave "$OUT/$v-$round/recording.jfr" > "$OUT/$v-$round/events.txt"
        log "round $round: $v started in ${STARTED}s (process running for ${PROCESS}s) with the recorder on; $(machine_state)"
    done
done

# the agent's events, per start averaged over the starts: durations in ms
for v in $VARIANTS; do
    # this run's starts only: directories of an earlier run with more rounds stay beside them
    for round in $(seq 1 "$STARTS"); do cat "$OUT/$v-$round/events.txt"; done | awk -v variant="$v" -v starts="$STARTS" '
        function ms(value, unit) { if (unit == "s") return value * 1000; if (unit == "us" || unit == "µs") return value / 1000; if (unit == "ns") return value / 1e6; return value }
        function flush() {
            if (kind == "start") { scan += s; wstart += w }
            if (kind == "weave") { n[outcome]++; t[outcome] += d; if (setup == "true") { setups++; tsetup += d } }
            kind = ""
        }
        /^io\.groutines\.AgentStart/ { flush(); kind = "start"; s = 0; w = 0 }
        /^io\.groutines\.Weave/ { flush(); kind = "weave"; d = 0; outcome = ""; setup = "" }
        kind == "start" && $1 == "scan" { s = ms($3, $4) }
        kind == "start" && $1 == "weaverStart" { w = ms($3, $4) }
        kind == "weave" && $1 == "duration" { d = ms($3, $4) }
        kind == "weave" && $1 == "outcome" { outcome = $3; gsub(/"/, "", outcome); if ($4 != "") outcome = outcome " " $4; gsub(/"/, "", outcome) }
        kind == "weave" && $1 == "firstOfLoader" { setup = $3 }
        END {
            flush()
            printf "%s: the agent'"'"'s events, per start (mean of %d starts; the recorder runs, so slower than bench/startup.sh)\n", variant, starts
            printf "  %8.1f ms  scan of the application'"'"'s code (premain)\n", scan / starts
            printf "  %8.1f ms  weaver start (premain)\n", wstart / starts
            for (o in n) printf "  %8.1f ms  %4d classes %s\n", t[o] / starts, n[o] / starts, o
            printf "  of which %8.1f ms in the %d weaves that set up AspectJ'"'"'s weaver for a class loader\n", tsetup / starts, setups / starts
        }'
done | tee "$OUT/events.txt"

# the main thread's samples, each in the first step that matches it. "Own code": the innermost groutines frame
# (io.groutines, not the demo) has no Spring, Hibernate or H2 frame leafward of it — where the starter only asks
# Spring for a bean the groutines need, the work is the application's, done earlier.
for v in $VARIANTS; do
    for round in $(seq 1 "$STARTS"); do cat "$OUT/$v-$round/samples.txt"; done | awk -v variant="$v" -v starts="$STARTS" '
        function flush() {
            if (thread == "groutines-weave-ahead") ahead++
            if (thread != "main") return
            total++
            if (stack ~ /io\.groutines\.weaving\.SelfAttach\./)              step = "self-attach: the agent loaded from the JVM'"'"'s own process"
            else if (stack ~ /ByteBuddyAgent\.install/)                     step = "self-attach: byte-buddy-agent install"
            else if (stack ~ /io\.groutines\.weaving\.ScopedWeaver\.transform/) {
                if (stack ~ /ClassPath\$JImage/)                             step = "weaving: BCEL lists the JDK image (ClassPath$JImage.buildFileMap)"
                else if (stack ~ /org\.aspectj\.bridge\.Version\.getTime/)   step = "weaving: AspectJ parses its build date (Version.getTime)"
                else if (stack ~ /ClassLoaderWeavingAdaptor\.initialize/)    step = "weaving: AspectJ world and aspects (ClassLoaderWeavingAdaptor.initialize)"
                else if (stack ~ /org\.aspectj\./)                           step = "weaving: the classes (match, weave, write)"
                else                                                         step = "weaving: the gate (no AspectJ frame)"
            }
            else if (stack ~ /io\.groutines\.boot\.discovery\.Discovery\.scan/) step = "starter: its scan for @Groutines classes"
            else if (own && boot)                                            step = "starter: its own code (properties, guard, catalog, checks, proxies)"
            else if (own)                                                    step = "runtime: its own code (weaver start, woven calls, hubs, strands)"
            else                                                             step = "the application, Spring, Hibernate (the starter'"'"'s bean requests included)"
            n[step]++
        }
        /^jdk\.ExecutionSample/ { flush(); thread = ""; stack = ""; seen = 0; lib = 0; own = 0; boot = 0 }
        /sampledThread = "/ { t = $0; sub(/.*sampledThread = "/, "", t); sub(/".*/, "", t); thread = t }
        /^[ \t]+[A-Za-z_$][A-Za-z0-9_.$<>\/]*\(/ {
            f = $1; sub(/\(.*/, "", f); stack = stack " " f
            if (!seen) {
                if (f ~ /^(org\.springframework|org\.hibernate|org\.h2|com\.zaxxer)\./) lib = 1
                if (f ~ /^io\.groutines\./ && f !~ /^io\.groutines\.demo\./) { seen = 1; own = !lib; boot = f ~ /^io\.groutines\.boot\./ }
            }
        }
        END {
            flush()
            printf "%s: %d samples of the main thread (2 ms apart while it runs Java code) in %d starts\n", variant, total, starts
            for (s in n) printf "  %5d  %5.1f %%  %s\n", n[s], 100 * n[s] / total, s | "sort -k1,1nr"
            close("sort -k1,1nr")
            printf "  and %d samples of the thread that weaves ahead (groutines-weave-ahead), beside the main thread\n", ahead
        }'
done | tee "$OUT/profile.txt"
cat "$OUT/events.txt" >> "$OUT/profile.txt"
