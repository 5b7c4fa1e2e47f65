#!/usr/bin/env bash
# Proof under load: the snippets demo, packaged, with the same JVM flags in every run (the groutines agent), driven
# by wrk with the same request mix (bench/mix.lua), in three variants that alternate round by round:
#
#   off       --groutines.enabled=false
#   on        the seed scenario: start_view, check_permissions, fill_user. They change the work: the permission
#             check is skipped, and fill_user replaces the pre-save hook with its own query (owner vitalii)
#   observe   observe_seed (ObserveSeed): the same three waits, the same DISPATCH event, and nothing changed — the
#             check and the hook run as with groutines off (owner tom), so off and observe do the same work
#
# Groutines on means the packaged jar launched as deployed: --groutines.allow-in-production=true is passed to the on
# and observe runs (the production guard refuses otherwise). The lock protection (groutines.monitors.protect) is on,
# as by default. Start-up times: bench/startup.sh.
#
#   bench/load.sh                  build, then ROUNDS rounds of the three variants (about 8 minutes on 2 cores)
#
# Environment (all optional):
#   WARMUP_REQUESTS=10000 REQUESTS=12000                 requests of the warm-up and of the measured run: every run
#                                                        sends the same sequence (see bench/mix.lua for why); 0: by
#                                                        time, DURATION and WARMUP, as before
#   DURATION=120s WARMUP=120s                            wrk's -d: with request counts, only an upper bound
#   THREADS=1 CONNECTIONS=16                             wrk's -t and -c
#   ROUNDS=3                                             rounds; each runs every variant once, the order rotated
#   VARIANTS="off on observe"
#   SKIP_BUILD=1                                         use the jar already in snippets-demo-app/target
#   WAIT_QUIET=0                                         seconds to wait, before each start, for no Maven build
#                                                        and < QUIET_CPU=15 % CPU used by others; 0: no wait
#   PORT=18080                                           loopback port of the application
#   JAVA_HOME                                            used when it is a JDK 25 or newer; otherwise the JDK 25
#                                                        of the Maven toolchain is asked for
# Results: printed, and kept with the application logs and wrk's output in bench/out/load/ (summary.txt, runs.tsv).
# On a shared machine run it under a lock that other benchmarks take too: flock LOCKFILE bench/load.sh
set -euo pipefail

cd "$(dirname "$0")/.."
log() { printf '[load] %s\n' "$*" >&2; }
OUT="$(pwd)/bench/out/load"
. bench/lib.sh

REQUESTS=${REQUESTS:-12000}
WARMUP_REQUESTS=${WARMUP_REQUESTS:-10000}
if [ "$REQUESTS" -gt 0 ]; then
    DURATION=${DURATION:-120s}
    WARMUP=${WARMUP:-120s}
else
    DURATION=${DURATION:-20s}
    WARMUP=${WARMUP:-15s}
fi
THREADS=${THREADS:-1}
CONNECTIONS=${CONNECTIONS:-16}
ROUNDS=${ROUNDS:-3}
VARIANTS=${VARIANTS:-off on observe}
BASE="http://127.0.0.1:$PORT"

# ---------------------------------------------------------------- tools
if ! command -v wrk >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        log "wrk is missing: installing it from the Debian packages"
        apt-get update -qq && apt-get install -y -qq wrk >/dev/null
    else
        log "wrk is missing: install it (apt-get install wrk) and run again"; exit 1
    fi
fi

find_java
build_demo
trap stop_app EXIT INT TERM

STATE_BEFORE=$(machine_state)
log "machine before: $STATE_BEFORE"

# variant_args NAME: sets APP (the application's arguments) and OWNER (who owns a snippet the mix creates)
variant_args() {
    case $1 in
        off)     APP=(--groutines.enabled=false); OWNER=tom ;;
        on)      APP=(--groutines.allow-in-production=true --groutines.active=start_view,check_permissions,fill_user); OWNER=vitalii ;;
        observe) APP=(--groutines.allow-in-production=true --groutines.active=observe_seed); OWNER=tom ;;
        *) log "unknown variant $1"; exit 1 ;;
    esac
}
for v in $VARIANTS; do variant_args "$v"; done   # fail early on a typo
JVM=("-javaagent:$ROOT/$AGENT")

# ---------------------------------------------------------------- one run
login() {
    local jar="$OUT/cookies.txt" token status="" owner
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
    # one write of the mix, checked by hand: 201, and the owner the variant implies
    status=$(curl -s -o "$OUT/check.json" -w '%{http_code}' -b "sessionid=$BENCH_SESSION; csrftoken=$BENCH_CSRF" \
        -H "X-CSRFToken: $BENCH_CSRF" -H 'Content-Type: application/json' \
        -d '{"title":"check","code":"print(1)"}' "$BASE/snippets/")
    [ "$status" = 201 ] || { log "a POST of the mix answered $status: $(cat "$OUT/check.json")"; exit 1; }
    owner=$(sed -n 's/.*"owner":"\([^"]*\)".*/\1/p' "$OUT/check.json")
    [ "$owner" = "$OWNER" ] || { log "a POST of the mix made $owner the owner, expected $OWNER: $(cat "$OUT/check.json")"; exit 1; }
    log "logged in as tom; a POST of the mix answers 201, owner $owner"
}

# run_wrk OUTPUT REQUESTS WRK-ARGS...: wrk with the mix; with REQUESTS > 0 it is interrupted once its threads have
# had that many responses between them (mix.lua creates $OUT/wrk.done then)
run_wrk() {
    local out=$1 requests=$2; shift 2
    local done_file="$OUT/wrk.done" pid
    rm -f "$done_file"
    BENCH_REQUESTS=$(( requests > 0 ? (requests + THREADS - 1) / THREADS : 0 )) BENCH_DONE_FILE="$done_file" \
        wrk -t"$THREADS" -c"$CONNECTIONS" "$@" -s bench/mix.lua "$BASE" > "$out" 2>&1 &
    pid=$!
    if [ "$requests" -gt 0 ]; then
        while kill -0 "$pid" 2>/dev/null; do
            # all threads done (one line each); the first is enough to stop: the others are nearly there
            [ -f "$done_file" ] && { kill -INT "$pid" 2>/dev/null || true; break; }
            sleep 0.05
        done
    fi
    wait "$pid" || true
}

what() { if [ "$1" -gt 0 ]; then echo "$1 requests"; else echo "$2"; fi; }

TSV="$OUT/runs.tsv"
printf 'round\tvariant\trps\tp50_ms\tp90_ms\tp99_ms\tmax_ms\tnon2xx\tsocket_errors\tstarted_s\tmachine_before\tload_after\tforeign_cpu_pct\n' > "$TSV"
load_run() {
    local v=$1 round=$2 name="$1-$2" state line
    variant_args "$v"
    wait_quiet
    state=$(machine_state)
    log "round $round: $v — starting the application; $state"
    start_app "$name" "${JVM[@]}" -- "${APP[@]}"
    log "round $round: $v — started in ${STARTED}s; logging in"
    login
    log "round $round: $v — warm-up: $(what "$WARMUP_REQUESTS" "$WARMUP")"
    run_wrk "$OUT/wrk-$name-warmup.txt" "$WARMUP_REQUESTS" -d"$WARMUP"
    log "round $round: $v — measuring: $(what "$REQUESTS" "$DURATION")"
    cpu_mark
    run_wrk "$OUT/wrk-$name.txt" "$REQUESTS" -d"$DURATION" --latency
    foreign=$(foreign_cpu)
    line=$(grep '^RESULT' "$OUT/wrk-$name.txt") || { log "no result from wrk: see $OUT/wrk-$name.txt"; exit 1; }
    field() { sed "s/.* $1=\([^ ]*\).*/\1/" <<<"$line"; }
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$v" "$(field rps)" "$(field p50_ms)" \
        "$(field p90_ms)" "$(field p99_ms)" "$(field max_ms)" "$(field non2xx)" "$(field socket_errors)" "$STARTED" \
        "$state" "$(cut -d' ' -f1 /proc/loadavg)" "$foreign" >> "$TSV"
    log "round $round: $v — $line; CPU used by others meanwhile ${foreign}%"
    stop_app
}

read -r -a ORDER <<<"$VARIANTS"
N=${#ORDER[@]}
for round in $(seq 1 "$ROUNDS"); do
    shift_by=$(( (round - 1) % N ))
    for v in "${ORDER[@]:shift_by}" "${ORDER[@]:0:shift_by}"; do
        load_run "$v" "$round"
    done
done
STATE_AFTER=$(machine_state)

# ---------------------------------------------------------------- report
col() { awk -F'\t' -v v="$1" -v c="$2" 'NR > 1 && $2 == v {print $c}' "$TSV"; }
sum() { awk '{s += $1} END {print s + 0}'; }
# per-round ratios of variant V to off, column C
paired() {
    awk -F'\t' -v v="$1" -v c="$2" 'NR > 1 && $2 == "off" {b[$1] = $c} NR > 1 && $2 == v {x[$1] = $c}
        END {for (r in x) if (r in b && b[r] > 0) printf "%.3f\n", x[r] / b[r]}' "$TSV"
}
busy=$(awk -F'\t' 'NR > 1 && $11 !~ /maven 0$/' "$TSV" | wc -l)
verdict() { awk -v x="$1" -v t="$2" -v op="$3" 'BEGIN {if (x == "-") print "?"; else if ((op == ">=" && x >= t) || (op == "<=" && x <= t)) print "met"; else print "NOT met"}'; }
{
    echo
    echo "== groutines under load — $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); java $JAVA_VERSION"
    echo "before: $STATE_BEFORE; after: $STATE_AFTER; runs begun while a Maven build ran: $busy of $(( ROUNDS * N ))"
    echo "JVM flags (every run): -javaagent:$AGENT; wrk -t$THREADS -c$CONNECTIONS --latency -s bench/mix.lua:" \
        "$(what "$REQUESTS" "$DURATION") after a warm-up of $(what "$WARMUP_REQUESTS" "$WARMUP"), fresh application" \
        "each run; mix: 3 GET /snippets/ : 1 POST /snippets/, session of tom"
    echo "$ROUNDS rounds of: $VARIANTS (order rotated each round); medians (min–max) over the rounds"
    printf '%-9s %-22s %-22s %-22s %-22s %8s %8s\n' variant "req/s" "p50 ms" "p90 ms" "p99 ms" non-2xx socket
    for v in $VARIANTS; do
        printf '%-9s %-22s %-22s %-22s %-22s %8s %8s\n' "$v" \
            "$(col "$v" 3 | median) ($(col "$v" 3 | minmax))" "$(col "$v" 4 | median) ($(col "$v" 4 | minmax))" \
            "$(col "$v" 5 | median) ($(col "$v" 5 | minmax))" "$(col "$v" 6 | median) ($(col "$v" 6 | minmax))" \
            "$(col "$v" 8 | sum)" "$(col "$v" 9 | sum)"
    done
    echo "ratios to off: of the medians; and the median (min–max) of the per-round ratios"
    for v in $VARIANTS; do
        [ "$v" = off ] && continue
        rps=$(ratio "$(col "$v" 3 | median)" "$(col off 3 | median)")
        p99=$(ratio "$(col "$v" 6 | median)" "$(col off 6 | median)")
        case $v in
            observe) t_rps=0.95; t_p99=1.10 ;;
            *)       t_rps=0.90; t_p99=1.20 ;;
        esac
        printf '%-9s throughput %s, by round %s (%s) — target >= %s: %s; p50 %s; p99 %s, by round %s (%s) — target <= %s: %s\n' "$v/off" \
            "$rps" "$(paired "$v" 3 | median)" "$(paired "$v" 3 | minmax)" "$t_rps" "$(verdict "$rps" "$t_rps" '>=')" \
            "$(ratio "$(col "$v" 4 | median)" "$(col off 4 | median)")" \
            "$p99" "$(paired "$v" 6 | median)" "$(paired "$v" 6 | minmax)" "$t_p99" "$(verdict "$p99" "$t_p99" '<=')"
    done
    echo "per run (round variant req/s p50 p99 — machine before the start; CPU used by others while measured, % of all cores):"
    awk -F'\t' 'NR > 1 {printf "  %s %-8s %8s %8s %8s — %s; others %s%%\n", $1, $2, $3, $4, $6, $11, $13}' "$TSV"
} | tee "$OUT/summary.txt"
