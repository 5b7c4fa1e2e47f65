#!/usr/bin/env bash
# Proof under load: the snippets demo with groutines off and on, the same JVM flags (the groutines agent in both),
# driven by wrk with the same request mix (bench/mix.lua); then startup times: groutines on, off, and no agent.
#
#   bench/load.sh                  build, then everything (about 5 minutes on 2 cores)
#
# Environment (all optional):
#   DURATION=20s WARMUP=15s THREADS=1 CONNECTIONS=16   wrk settings for each measured run
#   ROUNDS=1                                             off/on load rounds (alternating); medians reported
#   STARTS=5                                             application starts per startup variant
#   SKIP_BUILD=1                                         use the jar already in snippets-demo-app/target
#   SKIP_LOAD=1 / SKIP_STARTUP=1                         leave out a part
#   PORT=18080                                           loopback port of the application
#   JAVA_HOME                                            used when it is a JDK 25 or newer; otherwise the JDK 25
#                                                        of the Maven toolchain is asked for
# Results: printed, and kept with the application logs in bench/out/.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"
mkdir -p "$OUT"

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-15s}
THREADS=${THREADS:-1}
CONNECTIONS=${CONNECTIONS:-16}
STARTS=${STARTS:-5}
ROUNDS=${ROUNDS:-1}
PORT=${PORT:-18080}
BASE="http://127.0.0.1:$PORT"
AGENT="snippets-demo-app/target/agent/groutines-agent.jar"

log() { printf '[load] %s\n' "$*" >&2; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
MAVENS_BEFORE=$(pgrep -fc plexus-classworlds || true)

# ---------------------------------------------------------------- tools
if ! command -v wrk >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        log "wrk is missing: installing it from the Debian packages"
        apt-get update -qq && apt-get install -y -qq wrk >/dev/null
    else
        log "wrk is missing: install it (apt-get install wrk) and run again"; exit 1
    fi
fi

java_major() { "$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2; exit}'; }

JAVA=""
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 25 ] 2>/dev/null; then
    JAVA="$JAVA_HOME/bin/java"
else
    log "asking Maven's toolchain for a JDK 25"
    home=$(./mvnw -q -B -N validate exec:exec -Dexec.executable=java -Dexec.toolchain=jdk \
        -Dexec.args="-XshowSettings:properties -version" 2>&1 | awk -F' = ' '/java.home/ {print $2; exit}')
    if [ -n "$home" ] && [ -x "$home/bin/java" ]; then
        JAVA="$home/bin/java"
    fi
fi
if [ -z "$JAVA" ] || [ "$(java_major "$JAVA")" -lt 25 ]; then
    log "no JDK 25 found: set JAVA_HOME to one, or declare one in ~/.m2/toolchains.xml"; exit 1
fi
JAVA_VERSION=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.runtime.version/ {print $2; exit}')
log "java: $JAVA ($JAVA_VERSION)"

# ---------------------------------------------------------------- build
if [ -z "${SKIP_BUILD:-}" ]; then
    log "building the demo: ./mvnw -B -pl snippets-demo-app -am -DskipTests package"
    ./mvnw -B -q -pl snippets-demo-app -am -DskipTests package
fi
JAR=$(ls snippets-demo-app/target/snippets-demo-app-*.jar | grep -v -e '\.original$' -e 'sources' | head -1)
[ -f "$JAR" ] && [ -f "$AGENT" ] || { log "no demo jar or agent in snippets-demo-app/target: build first"; exit 1; }

# ---------------------------------------------------------------- the application
APP_PID=""
stop_app() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=""
}
trap stop_app EXIT INT TERM

# start_app NAME JVM-FLAGS... -- APP-ARGS... ; waits for "Started SnippetsApplication in X seconds", sets STARTED=X
# (not run in a subshell: APP_PID must stay visible to stop_app)
start_app() {
    local name=$1; shift
    local jvm=() app=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do jvm+=("$1"); shift; done
    [ $# -gt 0 ] && shift
    app=("$@")
    if (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null; then
        log "port $PORT is in use: set PORT"; exit 1
    fi
    "$JAVA" "${jvm[@]}" -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" "${app[@]}" \
        > "$OUT/$name.log" 2>&1 &
    APP_PID=$!
    local started=""
    STARTED=""
    for _ in $(seq 1 1200); do
        started=$(sed -n 's/.*Started SnippetsApplication in \([0-9.]*\) seconds.*/\1/p' "$OUT/$name.log" | head -1)
        PROCESS=$(sed -n 's/.*Started SnippetsApplication in .*(process running for \([0-9.]*\)).*/\1/p' "$OUT/$name.log" | head -1)
        [ -n "$started" ] && break
        kill -0 "$APP_PID" 2>/dev/null || { log "the application died: see $OUT/$name.log"; tail -20 "$OUT/$name.log" >&2; exit 1; }
        sleep 0.1
    done
    [ -n "$started" ] || { log "the application did not start within 120 s: see $OUT/$name.log"; exit 1; }
    STARTED=$started
}

AGENT_FLAGS=("-javaagent:$AGENT")
OFF_ARGS=(--groutines.enabled=false)
ON_ARGS=()   # the default profile, demo: start_view, check_permissions, fill_user on every request

# ---------------------------------------------------------------- load
login() {
    local jar="$OUT/cookies.txt" token status=""
    # the demo users are created by a runner, which Spring Boot calls just after it logs "Started ...": retry
    for _ in $(seq 1 50); do
        rm -f "$jar"
        curl -s -o /dev/null -c "$jar" "$BASE/api-auth/login/"
        token=$(awk '$6 == "csrftoken" {print $7}' "$jar" | tail -1)   # the form's hidden field holds the same token
        status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" \
            --data-urlencode "username=tom" --data-urlencode "password=tom-demo" \
            --data-urlencode "csrfmiddlewaretoken=$token" --data-urlencode "next=/snippets/" "$BASE/api-auth/login/")
        [ "$status" = 302 ] && break
        sleep 0.2
    done
    [ "$status" = 302 ] || { log "login failed: HTTP $status"; exit 1; }
    BENCH_SESSION=$(awk '$6 == "sessionid" {print $7}' "$jar" | tail -1)
    BENCH_CSRF=$(awk '$6 == "csrftoken" {print $7}' "$jar" | tail -1)
    export BENCH_SESSION BENCH_CSRF
    # one write of the mix, checked by hand: 201
    status=$(curl -s -o "$OUT/check.json" -w '%{http_code}' -b "sessionid=$BENCH_SESSION; csrftoken=$BENCH_CSRF" \
        -H "X-CSRFToken: $BENCH_CSRF" -H 'Content-Type: application/json' \
        -d '{"title":"check","code":"print(1)"}' "$BASE/snippets/")
    [ "$status" = 201 ] || { log "a POST of the mix answered $status: $(cat "$OUT/check.json")"; exit 1; }
    log "logged in as tom; a POST of the mix answers 201, owner $(sed -n 's/.*"owner":"\([^"]*\)".*/\1/p' "$OUT/check.json")"
}

declare -A RPS P50 P99 NON2XX ALL_RPS ALL_P50 ALL_P99
load_run() {
    local name=$1; shift
    log "load: $name — starting the application"
    start_app "load-$name" "${AGENT_FLAGS[@]}" -- "$@"
    log "load: $name — started in ${STARTED}s; logging in"
    login
    log "load: $name — warm-up $WARMUP"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/mix.lua "$BASE" > "$OUT/wrk-$name-warmup.txt" 2>&1
    log "load: $name — measuring $DURATION"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/mix.lua "$BASE" > "$OUT/wrk-$name.txt" 2>&1
    local line
    line=$(grep '^RESULT' "$OUT/wrk-$name.txt")
    RPS[$name]=$(sed 's/.* rps=\([^ ]*\).*/\1/' <<<"$line")
    P50[$name]=$(sed 's/.* p50_ms=\([^ ]*\).*/\1/' <<<"$line")
    P99[$name]=$(sed 's/.* p99_ms=\([^ ]*\).*/\1/' <<<"$line")
    NON2XX[$name]=$(( ${NON2XX[$name]:-0} + $(sed 's/.* non2xx=\([^ ]*\).*/\1/' <<<"$line") ))
    ALL_RPS[$name]="${ALL_RPS[$name]:-} ${RPS[$name]}"
    ALL_P50[$name]="${ALL_P50[$name]:-} ${P50[$name]}"
    ALL_P99[$name]="${ALL_P99[$name]:-} ${P99[$name]}"
    log "load: $name — $line"
    stop_app
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }
if [ -z "${SKIP_LOAD:-}" ]; then
    for round in $(seq 1 "$ROUNDS"); do
        load_run off "${OFF_ARGS[@]}"
        load_run on "${ON_ARGS[@]}"
    done
    for name in off on; do
        RPS[$name]=$(tr ' ' '\n' <<<"${ALL_RPS[$name]}" | grep . | median)
        P50[$name]=$(tr ' ' '\n' <<<"${ALL_P50[$name]}" | grep . | median)
        P99[$name]=$(tr ' ' '\n' <<<"${ALL_P99[$name]}" | grep . | median)
    done
fi

# ---------------------------------------------------------------- startup
declare -A START PROC
startup_runs() {
    local name=$1; shift
    local times=() procs=()
    for i in $(seq 1 "$STARTS"); do
        start_app "start-$name-$i" "$@"
        times+=("$STARTED")
        procs+=("$PROCESS")
        stop_app
    done
    START[$name]=$(printf '%s\n' "${times[@]}" | median)
    PROC[$name]=$(printf '%s\n' "${procs[@]}" | median)
    log "startup: $name — started in ${times[*]} s, median ${START[$name]} s; process running for ${procs[*]} s, median ${PROC[$name]} s"
}

if [ -z "${SKIP_STARTUP:-}" ]; then
    startup_runs off "${AGENT_FLAGS[@]}" -- "${OFF_ARGS[@]}"
    startup_runs on "${AGENT_FLAGS[@]}" -- "${ON_ARGS[@]}"
    startup_runs no-agent -- "${OFF_ARGS[@]}"
fi

# ---------------------------------------------------------------- report
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'; }
{
    echo
    echo "== groutines proof under load — $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); load average before: $LOAD_BEFORE, other Maven processes: $MAVENS_BEFORE"
    echo "java: $JAVA_VERSION; JVM flags: -javaagent:$AGENT (both load runs)"
    if [ -z "${SKIP_LOAD:-}" ]; then
        echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s bench/mix.lua (after a $WARMUP warm-up); mix: 3 GET /snippets/ : 1 POST /snippets/, session of tom"
        [ "$ROUNDS" -gt 1 ] && echo "$ROUNDS rounds, medians; per round req/s off:${ALL_RPS[off]} on:${ALL_RPS[on]}; p99 ms off:${ALL_P99[off]} on:${ALL_P99[on]}"
        printf '%-14s %10s %10s %10s %8s\n' "groutines" "req/s" "p50 ms" "p99 ms" "non-2xx"
        printf '%-14s %10s %10s %10s %8s\n' "off" "${RPS[off]}" "${P50[off]}" "${P99[off]}" "${NON2XX[off]}"
        printf '%-14s %10s %10s %10s %8s\n' "on (3 seeds)" "${RPS[on]}" "${P50[on]}" "${P99[on]}" "${NON2XX[on]}"
        echo "on/off: throughput $(ratio "${RPS[on]}" "${RPS[off]}") (target >= 0.90), p50 $(ratio "${P50[on]}" "${P50[off]}"), p99 $(ratio "${P99[on]}" "${P99[off]}") (target <= 1.20)"
    fi
    if [ -z "${SKIP_STARTUP:-}" ]; then
        echo "startup (median of $STARTS, \"Started SnippetsApplication in X seconds\"): off ${START[off]} s, on ${START[on]} s, no agent ${START[no-agent]} s"
        echo "startup ratios: on/off $(ratio "${START[on]}" "${START[off]}"), on/no-agent $(ratio "${START[on]}" "${START[no-agent]}"), off/no-agent $(ratio "${START[off]}" "${START[no-agent]}")"
        echo "JVM start to started (\"process running for Y\", includes the agent's premain): off ${PROC[off]} s, on ${PROC[on]} s, no agent ${PROC[no-agent]} s"
        echo "ratios: on/off $(ratio "${PROC[on]}" "${PROC[off]}"), on/no-agent $(ratio "${PROC[on]}" "${PROC[no-agent]}")"
    fi
} | tee "$OUT/summary.txt"
