#!/usr/bin/env bash
# What groutines cost a test suite: the demo's tests run in one test JVM, as a build runs them (the groutines agent
# in the JVM, as docs/getting-started.md puts it in surefire's argLine), again and again, the variants alternating:
#
#   off       groutines disabled in the tests' configuration (the agent still in the JVM)     the baseline
#   on        groutines enabled (the API tests with observe_seed, which changes nothing)      goal <= 1.15 x off (CPU)
#   none      no agent at all: a build without groutines
#   on-cold   on with an empty weaving cache: the first run of a build on a machine
#
# and, on request: on-cold-here, on-cold without weaving ahead (-Dgroutines.weave.ahead=false; docs/weaving.md)
#
# SUITE=sample (the default): Spring tests that do not depend on groutines (64 test methods, 114 tests as JUnit counts
# parameterized ones), in 3 application contexts — the API tests over real HTTP (one context, which
# -Ddemo.api.groutines=true switches groutines on in), the start-up order test and a @WebMvcTest slice. SUITE=demo: every test class of the demo that surefire's default run takes (most of
# them depend on groutines, so only on and on-cold are meaningful; VARIANTS="on on-cold" is then the default).
#
#   bench/test-suite.sh            build, then ROUNDS rounds of the variants
#
# Each run is one JVM: java [-javaagent] -cp <the demo's test class path> JUnit's console launcher, timed with
# /usr/bin/time (wall, user and system CPU of the JVM); all its tests must pass. Each variant has its own weaving cache
# (bench/out/test-suite/weave-cache-VARIANT), filled by one unmeasured run before the rounds, emptied before every run
# of on-cold. JaCoCo, which the demo's build adds, is left out: it costs the same with and without groutines.
#
# Environment (all optional):
#   ROUNDS=7                 rounds; each round runs every variant once, in an order rotated round by round
#   VARIANTS="off on none on-cold"
#   SUITE=sample             or demo
#   SKIP_BUILD=1             use what snippets-demo-app/target holds
#   WAIT_QUIET=0  QUIET_CPU=15  JAVA_HOME    as in bench/startup.sh
# Results: printed, and kept in bench/out/test-suite/ (summary.txt, runs.tsv, one log per run).
# On a shared machine run it under a lock that other benchmarks take too: flock LOCKFILE bench/test-suite.sh
set -euo pipefail

cd "$(dirname "$0")/.."
log() { printf '[test-suite] %s\n' "$*" >&2; }
OUT="$(pwd)/bench/out/test-suite"
. bench/lib.sh

ROUNDS=${ROUNDS:-7}
SUITE=${SUITE:-sample}
case $SUITE in
    sample) VARIANTS=${VARIANTS:-off on none on-cold} ;;
    demo)   VARIANTS=${VARIANTS:-on on-cold} ;;
    *) log "unknown SUITE $SUITE (sample or demo)"; exit 1 ;;
esac

find_java
DEMO=snippets-demo-app
if [ -z "${SKIP_BUILD:-}" ]; then
    log "building the demo and its test class path: ./mvnw -B -pl $DEMO -am -DskipTests package dependency:build-classpath"
    ./mvnw -B -q -pl "$DEMO" -am -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile=target/test-classpath.txt
fi
[ -f "$DEMO/target/test-classpath.txt" ] && [ -f "$AGENT" ] || { log "no test class path or agent in $DEMO/target: build first"; exit 1; }

# JUnit's console launcher, of the JUnit Platform version the tests use
platform=$(tr ':' '\n' < "$DEMO/target/test-classpath.txt" | sed -n 's/.*junit-platform-commons-\([0-9][^/]*\)\.jar$/\1/p' | head -1)
CONSOLE="$OUT/junit-platform-console-standalone-$platform.jar"
if [ ! -f "$CONSOLE" ]; then
    log "fetching JUnit's console launcher $platform"
    ./mvnw -B -q -N dependency:copy -Dartifact="org.junit.platform:junit-platform-console-standalone:$platform" \
        -DoutputDirectory="$OUT" -Dmdep.overWriteReleases=true
fi
CP="$ROOT/$DEMO/target/test-classes:$ROOT/$DEMO/target/classes:$(cat "$DEMO/target/test-classpath.txt"):$CONSOLE"

case $SUITE in
    sample)
        SELECT=()
        for c in ControllerHooksTest HighlightTest PaginationTest PermissionsTest SessionLoginTest SnippetCrudTest \
                SnippetValidationTest UsersTest ReadyBeforeListeningTest order.UserListSliceTest; do
            SELECT+=(--select-class "io.groutines.demo.$c")
        done ;;
    demo)
        # what surefire's default run of the demo takes: classes named *Test, nested ones and the ordered package aside
        SELECT=(--scan-classpath "$ROOT/$DEMO/target/test-classes" --include-classname '^.*Test$' \
            --exclude-classname '^io\.groutines\.demo\.order\..*$') ;;
esac

# variant_args NAME: sets JVM (flags before the class path), CACHE (its weaving cache, or empty) and COLD
variant_args() {
    JVM=(-XX:+EnableDynamicAgentLoading --add-opens=java.base/jdk.internal.vm=ALL-UNNAMED)
    CACHE="$OUT/weave-cache-$1"
    COLD=0
    case $1 in
        off)     JVM+=("-javaagent:$ROOT/$AGENT" -Ddemo.api.groutines=false) ;;
        on)      JVM+=("-javaagent:$ROOT/$AGENT" -Ddemo.api.groutines=true) ;;
        none)    JVM+=(-Ddemo.api.groutines=false); CACHE="" ;;
        on-cold) JVM+=("-javaagent:$ROOT/$AGENT" -Ddemo.api.groutines=true); COLD=1 ;;
        on-cold-here) JVM+=("-javaagent:$ROOT/$AGENT" -Ddemo.api.groutines=true -Dgroutines.weave.ahead=false); COLD=1 ;;
        *) log "unknown variant $1"; exit 1 ;;
    esac
    [ -n "$CACHE" ] && JVM+=("-Dgroutines.weave.cache.dir=$CACHE")
    return 0
}
for v in $VARIANTS; do variant_args "$v"; done   # fail early on a typo

# run NAME: one test JVM; sets WALL, USER, SYS (seconds) and TESTS ("passed/found")
run() {
    local name=$1 times="$OUT/$1.time"
    (cd "$OUT" && /usr/bin/time -f '%e %U %S' -o "$times" "$JAVA" "${JVM[@]}" -cp "$CP" \
        org.junit.platform.console.ConsoleLauncher execute --disable-banner --disable-ansi-colors --details=summary \
        "${SELECT[@]}") > "$OUT/$name.log" 2>&1 || { log "tests failed in $name: see $OUT/$name.log"; tail -30 "$OUT/$name.log" >&2; exit 1; }
    read -r WALL USER SYS < <(tail -1 "$times")
    TESTS="$(sed -n 's/.*\[ *\([0-9]*\) tests successful.*/\1/p' "$OUT/$name.log" | head -1)/$(sed -n 's/.*\[ *\([0-9]*\) tests found.*/\1/p' "$OUT/$name.log" | head -1)"
}

rm -rf "$OUT"/weave-cache-*
for v in $VARIANTS; do
    variant_args "$v"
    if [ -n "$CACHE" ] && [ "$COLD" = 0 ]; then
        log "filling the weaving cache of $v"
        run "warm-$v"
    fi
done

STATE_BEFORE=$(machine_state)
TSV="$OUT/runs.tsv"
printf 'round\tvariant\twall_s\tuser_s\tsys_s\tcpu_s\ttests\tforeign_cpu_pct\tmachine\n' > "$TSV"
read -r -a ORDER <<<"$VARIANTS"
N=${#ORDER[@]}
for round in $(seq 1 "$ROUNDS"); do
    shift_by=$(( (round - 1) % N ))
    rotated=("${ORDER[@]:shift_by}" "${ORDER[@]:0:shift_by}")
    for v in "${rotated[@]}"; do
        variant_args "$v"
        [ "$COLD" = 1 ] && rm -rf "$CACHE"
        wait_quiet
        state=$(machine_state)
        cpu_mark
        run "$v-$round"
        foreign=$(foreign_cpu)
        cpu=$(awk -v u="$USER" -v s="$SYS" 'BEGIN {printf "%.2f", u + s}')
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$v" "$WALL" "$USER" "$SYS" "$cpu" "$TESTS" "$foreign" "$state" >> "$TSV"
        log "round $round: $v ran $TESTS tests in ${WALL}s wall, ${cpu}s CPU; $state, others' CPU ${foreign}%"
    done
done
STATE_AFTER=$(machine_state)

# ---------------------------------------------------------------- report
BASE=$(lines "$VARIANTS" | head -1)
col() { awk -F'\t' -v v="$1" -v c="$2" 'NR > 1 && $2 == v {print $c}' "$TSV"; }
paired() {
    awk -F'\t' -v v="$1" -v b="$BASE" -v c="$2" 'NR > 1 && $2 == b {x0[$1] = $c} NR > 1 && $2 == v {x[$1] = $c}
        END {for (r in x) if (r in x0 && x0[r] > 0) printf "%.3f\n", x[r] / x0[r]}' "$TSV"
}
foreign_all=$(awk -F'\t' 'NR > 1 {print $8}' "$TSV")
{
    echo
    echo "== groutines in a test suite ($SUITE) — $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); java $JAVA_VERSION"
    echo "before: $STATE_BEFORE; after: $STATE_AFTER"
    echo "CPU used by others during a run (% of all cores, from /proc/stat): median $(median <<<"$foreign_all")," \
        "max $(sort -n <<<"$foreign_all" | tail -1); per run in runs.tsv"
    echo "$ROUNDS rounds of: $VARIANTS (order rotated each round); tests passed/found in every run: $(col "$BASE" 7 | sort -u | tr '\n' ' ')"
    echo "CPU = user + system seconds of the test JVM; medians (min–max); ratios of medians to $BASE, and the median" \
        "(min–max) of the per-round ratios"
    printf '%-9s %-20s %-20s %9s %9s %-20s %-20s\n' variant "CPU s" "wall s" "CPU/$BASE" "wall/$BASE" "CPU by round" "wall by round"
    for v in $VARIANTS; do
        printf '%-9s %-20s %-20s %9s %9s %-20s %-20s\n' "$v" \
            "$(col "$v" 6 | median) ($(col "$v" 6 | minmax))" "$(col "$v" 3 | median) ($(col "$v" 3 | minmax))" \
            "$(ratio "$(col "$v" 6 | median)" "$(col "$BASE" 6 | median)")" "$(ratio "$(col "$v" 3 | median)" "$(col "$BASE" 3 | median)")" \
            "$(paired "$v" 6 | median) ($(paired "$v" 6 | minmax))" "$(paired "$v" 3 | median) ($(paired "$v" 3 | minmax))"
    done
} | tee "$OUT/summary.txt"
