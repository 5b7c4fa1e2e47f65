#!/usr/bin/env bash
# Proof under load: the snippets demo, packaged, with the same JVM flags in every run (the groutines agent), driven
# by wrk with the same request mix (bench/mix.lua), in three variants:
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
# How, and why so: the machine is shared and its speed drifts (on the 2-core VM this was written on, the same CPU
# work took from 6.5 to 8.4 s from one minute to the next, with nothing else running), by more than groutines cost.
# So each round starts one fresh application per variant, all three side by side on their own ports, warms each up,
# then measures them in short slices that alternate (off, on, observe, on, observe, off, ...): each variant meets the
# same drift, and each slice can be compared with the other variants' slices next to it. Every application gets the
# same sequence of requests (a fixed number per warm-up and per slice, see bench/mix.lua), so their snippet tables
# grow alike. Whatever is not being measured is idle.
#
#   bench/load.sh                  build, then ROUNDS rounds (about 2.5 minutes each on 2 cores)
#
# Environment (all optional):
#   ROUNDS=3                 rounds, each with fresh applications; the variants' order rotates round by round
#   SLICES=6 SLICE_REQUESTS=2000    measured slices per variant and round, and requests per slice
#   WARMUP_REQUESTS=10000    requests of each application's warm-up
#   THREADS=1 CONNECTIONS=16 wrk's -t and -c
#   VARIANTS="off on observe"    add unprotected (observe with -Dgroutines.monitors.protect=false) to see what the
#                            lock protection costs under load, and narrow (observe with
#                            --groutines.weave.application-packages=false: only the classes the groutines name are
#                            woven) to see what weaving the whole application costs, and empty (groutines on, no
#                            groutine active: the starter, the weaving and a hub per request, nothing waits); the
#                            baseline off must come first
#   SKIP_BUILD=1             use the jar already in snippets-demo-app/target
#   WAIT_QUIET=0             seconds to wait, before each round, for no Maven build and < QUIET_CPU=15 % CPU used by
#                            others; 0: do not wait
#   PORT=18080               the first variant's loopback port; the next ones count up from it
#   JAVA_HOME                used when it is a JDK 25 or newer; otherwise the JDK 25 of the Maven toolchain is asked for
# Results: printed, and kept with the application logs and wrk's output in bench/out/load/ (summary.txt, slices.tsv,
# rounds.tsv). On a shared machine run it under a lock that other benchmarks take too: flock LOCKFILE bench/load.sh
set -euo pipefail

cd "$(dirname "$0")/.."
log() { printf '[load] %s\n' "$*" >&2; }
OUT="$(pwd)/bench/out/load"
rm -rf "$OUT"
. bench/lib.sh

ROUNDS=${ROUNDS:-3}
SLICES=${SLICES:-6}
SLICE_REQUESTS=${SLICE_REQUESTS:-2000}
WARMUP_REQUESTS=${WARMUP_REQUESTS:-10000}
THREADS=${THREADS:-1}
CONNECTIONS=${CONNECTIONS:-16}
VARIANTS=${VARIANTS:-off on observe}
FIRST_PORT=$PORT

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

# variant_args NAME: sets APP (the application's arguments), EXTRA (JVM flags beyond JVM) and OWNER (who owns a
# snippet the mix creates)
variant_args() {
    EXTRA=()
    case $1 in
        off)     APP=(--groutines.enabled=false); OWNER=tom ;;
        on)      APP=(--groutines.allow-in-production=true --groutines.active=start_view,check_permissions,fill_user); OWNER=vitalii ;;
        observe) APP=(--groutines.allow-in-production=true --groutines.active=observe_seed); OWNER=tom ;;
        unprotected) APP=(--groutines.allow-in-production=true --groutines.active=observe_seed); OWNER=tom
                 EXTRA=(-Dgroutines.monitors.protect=false) ;;
        empty)   APP=(--groutines.allow-in-production=true --groutines.active=none); OWNER=tom ;;
        narrow)  APP=(--groutines.allow-in-production=true --groutines.active=observe_seed
                      --groutines.weave.application-packages=false); OWNER=tom ;;
        *) log "unknown variant $1"; exit 1 ;;
    esac
}
read -r -a ORDER <<<"$VARIANTS"
N=${#ORDER[@]}
for v in "${ORDER[@]}"; do variant_args "$v"; done   # fail early on a typo
[ "${ORDER[0]}" = off ] || { log "VARIANTS must start with off, the baseline"; exit 1; }
JVM=("-javaagent:$ROOT/$AGENT")

declare -A PIDS PORTS SESSIONS CSRFS
for i in "${!ORDER[@]}"; do PORTS[${ORDER[$i]}]=$((FIRST_PORT + i)); done
stop_all() {
    local v
    for v in "${!PIDS[@]}"; do APP_PID=${PIDS[$v]}; stop_app; done
    PIDS=()
}
trap stop_all EXIT INT TERM

STATE_BEFORE=$(machine_state)
log "machine before: $STATE_BEFORE"

# ---------------------------------------------------------------- one application
# login V: logs tom in on variant V's application; checks one write of the mix (201, the owner the variant implies)
login() {
    local v=$1 base="http://127.0.0.1:${PORTS[$1]}" jar="$OUT/cookies-$1.txt" token status="" owner session csrf
    variant_args "$v"
    # the demo users are created by a runner, which Spring Boot calls just after it logs "Started ...": retry
    for _ in $(seq 1 50); do
        rm -f "$jar"
        curl -s -o /dev/null -c "$jar" "$base/api-auth/login/"
        token=$(awk '$6 == "csrftoken" {print $7}' "$jar" | tail -1)   # the form's hidden field holds the same token
        status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" \
            --data-urlencode "username=tom" --data-urlencode "password=tom-demo" \
            --data-urlencode "csrfmiddlewaretoken=$token" --data-urlencode "next=/snippets/" "$base/api-auth/login/")
        [ "$status" = 302 ] && break
        sleep 0.2
    done
    [ "$status" = 302 ] || { log "$v: login failed: HTTP $status"; exit 1; }
    session=$(awk '$6 == "sessionid" {print $7}' "$jar" | tail -1)
    csrf=$(awk '$6 == "csrftoken" {print $7}' "$jar" | tail -1)
    SESSIONS[$v]=$session
    CSRFS[$v]=$csrf
    status=$(curl -s -o "$OUT/check-$v.json" -w '%{http_code}' -b "sessionid=$session; csrftoken=$csrf" \
        -H "X-CSRFToken: $csrf" -H 'Content-Type: application/json' \
        -d '{"title":"check","code":"print(1)"}' "$base/snippets/")
    [ "$status" = 201 ] || { log "$v: a POST of the mix answered $status: $(cat "$OUT/check-$v.json")"; exit 1; }
    owner=$(sed -n 's/.*"owner":"\([^"]*\)".*/\1/p' "$OUT/check-$v.json")
    [ "$owner" = "$OWNER" ] || { log "$v: a POST of the mix made $owner the owner, expected $OWNER"; exit 1; }
    log "$v: logged in as tom; a POST of the mix answers 201, owner $owner"
}

# run_wrk V OUTPUT REQUESTS [WRK-ARGS...]: the mix against variant V's application, interrupted once wrk's threads
# have had REQUESTS responses between them (mix.lua creates $OUT/wrk.done then)
run_wrk() {
    local v=$1 out=$2 requests=$3 done_file="$OUT/wrk.done" pid; shift 3
    rm -f "$done_file"
    BENCH_SESSION=${SESSIONS[$v]} BENCH_CSRF=${CSRFS[$v]} BENCH_DONE_FILE="$done_file" \
        BENCH_REQUESTS=$(( (requests + THREADS - 1) / THREADS )) \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d300s "$@" -s bench/mix.lua "http://127.0.0.1:${PORTS[$v]}" > "$out" 2>&1 &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
        [ -f "$done_file" ] && { kill -INT "$pid" 2>/dev/null || true; break; }
        sleep 0.05
    done
    wait "$pid" || true
    grep -q '^RESULT' "$out" || { log "$v: no result from wrk: see $out"; exit 1; }
}

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" "$2"; }

# ---------------------------------------------------------------- rounds
SLICES_TSV="$OUT/slices.tsv"
printf 'round\tslice\tvariant\trequests\tseconds\trps\tp50_ms\tp90_ms\tp99_ms\tmax_ms\tnon2xx\tsocket_errors\tapp_cpu_ticks\tothers_cpu_pct\n' > "$SLICES_TSV"
STATES=()
for round in $(seq 1 "$ROUNDS"); do
    shift_by=$(( (round - 1) % N ))
    rotated=("${ORDER[@]:shift_by}" "${ORDER[@]:0:shift_by}")
    wait_quiet
    state=$(machine_state)
    STATES+=("$state")
    log "round $round: starting ${rotated[*]}; $state"
    for v in "${rotated[@]}"; do
        variant_args "$v"
        PORT=${PORTS[$v]}
        start_app "$v-$round" "${JVM[@]}" "${EXTRA[@]}" -- "${APP[@]}"
        PIDS[$v]=$APP_PID
        APP_PID=""
        log "round $round: $v started in ${STARTED}s on port $PORT"
        login "$v"
    done
    for v in "${rotated[@]}"; do
        run_wrk "$v" "$OUT/wrk-$v-$round-warmup.txt" "$WARMUP_REQUESTS"
        log "round $round: $v warmed up: $(field rps "$OUT/wrk-$v-$round-warmup.txt") requests/s over $WARMUP_REQUESTS requests"
    done
    for slice in $(seq 1 "$SLICES"); do
        s=$(( (slice - 1) % N ))
        for v in "${rotated[@]:s}" "${rotated[@]:0:s}"; do
            out="$OUT/wrk-$v-$round-$slice.txt"
            APP_PID=${PIDS[$v]}
            sleep 0.2   # the previous slice's last requests (wrk was interrupted) are done by now
            cpu_mark
            run_wrk "$v" "$out" "$SLICE_REQUESTS" --latency
            others=$(foreign_cpu)
            ticks=$(( $(pid_cpu "$APP_PID") - MARK_APP ))
            APP_PID=""
            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$slice" "$v" \
                "$(field requests "$out")" "$(field seconds "$out")" "$(field rps "$out")" "$(field p50_ms "$out")" \
                "$(field p90_ms "$out")" "$(field p99_ms "$out")" "$(field max_ms "$out")" "$(field non2xx "$out")" \
                "$(field socket_errors "$out")" "$ticks" "$others" >> "$SLICES_TSV"
        done
        log "round $round, slice $slice: $(awk -F'\t' -v r="$round" -v s="$slice" '$1 == r && $2 == s {printf "%s %s req/s  ", $3, $6}' "$SLICES_TSV")"
    done
    stop_all
done
STATE_AFTER=$(machine_state)

# ---------------------------------------------------------------- report
# per round and variant: requests/s over all its slices, the median slice's p50/p90/p99, CPU per request
ROUNDS_TSV="$OUT/rounds.tsv"
awk -F'\t' -v hz="$HZ" 'NR > 1 {
        k = $1 "\t" $3; req[k] += $4; sec[k] += $5; ticks[k] += $13; n2[k] += $11; se[k] += $12
        p50[k] = p50[k] " " $7; p90[k] = p90[k] " " $8; p99[k] = p99[k] " " $9; if ($14 > oth[k]) oth[k] = $14
    }
    function med(list,   a, n, i, j, t) {
        n = split(list, a, " ")
        for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    END {
        print "round\tvariant\trps\tp50_ms\tp90_ms\tp99_ms\tapp_cpu_ms_per_request\tnon2xx\tsocket_errors\tothers_cpu_pct_max"
        for (k in req) printf "%s\t%.1f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%d\t%s\n", k, req[k] / sec[k], med(p50[k]), med(p90[k]),
            med(p99[k]), ticks[k] * 1000 / hz / req[k], n2[k], se[k], oth[k] + 0
    }' "$SLICES_TSV" | { read -r header; echo "$header"; sort -k1,1n -k2,2; } > "$ROUNDS_TSV"

col() { awk -F'\t' -v v="$1" -v c="$2" 'NR > 1 && $2 == v {print $c}' "$ROUNDS_TSV"; }
sum() { awk '{s += $1} END {print s + 0}'; }
# per-round ratios of variant V to off, column C of rounds.tsv
paired() {
    awk -F'\t' -v v="$1" -v c="$2" 'NR > 1 && $2 == "off" {b[$1] = $c} NR > 1 && $2 == v {x[$1] = $c}
        END {for (r in x) if (r in b && b[r] > 0) printf "%.3f\n", x[r] / b[r]}' "$ROUNDS_TSV"
}
# per-slice ratios of variant V to off (the off slice of the same round and slice number), column C of slices.tsv
sliced() {
    awk -F'\t' -v v="$1" -v c="$2" 'NR > 1 && $3 == "off" {b[$1 " " $2] = $c} NR > 1 && $3 == v {x[$1 " " $2] = $c}
        END {for (k in x) if (k in b && b[k] > 0) printf "%.3f\n", x[k] / b[k]}' "$SLICES_TSV"
}
verdict() { awk -v x="$1" -v t="$2" -v op="$3" 'BEGIN {if (x == "-") print "?"; else if ((op == ">=" && x >= t) || (op == "<=" && x <= t)) print "met"; else print "NOT met"}'; }
busy=$(printf '%s\n' "${STATES[@]}" | grep -vc 'maven 0$' || true)
others=$(awk -F'\t' 'NR > 1 {print $14}' "$SLICES_TSV")
{
    echo
    echo "== groutines under load — $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); java $JAVA_VERSION"
    echo "before: $STATE_BEFORE; after: $STATE_AFTER; rounds begun while a Maven build ran: $busy of $ROUNDS;" \
        "CPU used by others during a slice (idle applications of ours included): median $(median <<<"$others") %, max $(sort -n <<<"$others" | tail -1) %"
    echo "JVM flags (every application): -javaagent:$AGENT; wrk -t$THREADS -c$CONNECTIONS --latency -s bench/mix.lua" \
        "(3 GET /snippets/ : 1 POST /snippets/, session of tom)"
    echo "$ROUNDS rounds of: $VARIANTS side by side, each warmed up with $WARMUP_REQUESTS requests, then $SLICES slices of" \
        "$SLICE_REQUESTS requests each, alternating"
    echo "per variant: medians (min–max) over the rounds of each round's requests/s (all its slices), median slice latency, application CPU per request"
    printf '%-9s %-22s %-22s %-22s %-22s %-20s %8s %7s\n' variant "req/s" "p50 ms" "p90 ms" "p99 ms" "CPU ms/request" non-2xx socket
    for v in "${ORDER[@]}"; do
        printf '%-9s %-22s %-22s %-22s %-22s %-20s %8s %7s\n' "$v" \
            "$(col "$v" 3 | median) ($(col "$v" 3 | minmax))" "$(col "$v" 4 | median) ($(col "$v" 4 | minmax))" \
            "$(col "$v" 5 | median) ($(col "$v" 5 | minmax))" "$(col "$v" 6 | median) ($(col "$v" 6 | minmax))" \
            "$(col "$v" 7 | median) ($(col "$v" 7 | minmax))" "$(col "$v" 8 | sum)" "$(col "$v" 9 | sum)"
    done
    echo "ratios to off: of the medians over the rounds; by round: median (min–max); by slice: median (min–max) of each slice against the off slice of its round and number"
    for v in "${ORDER[@]:1}"; do
        rps=$(ratio "$(col "$v" 3 | median)" "$(col off 3 | median)")
        p99=$(ratio "$(col "$v" 6 | median)" "$(col off 6 | median)")
        case $v in
            observe|unprotected|narrow|empty) t_rps=0.95; t_p99=1.10 ;;
            *)       t_rps=0.90; t_p99=1.20 ;;
        esac
        echo "$v/off:"
        echo "  throughput $rps — target >= $t_rps: $(verdict "$rps" "$t_rps" '>='); by round $(paired "$v" 3 | median) ($(paired "$v" 3 | minmax)); by slice $(sliced "$v" 6 | median) ($(sliced "$v" 6 | minmax))"
        echo "  p99 $p99 — target <= $t_p99: $(verdict "$p99" "$t_p99" '<='); by round $(paired "$v" 6 | median) ($(paired "$v" 6 | minmax)); by slice $(sliced "$v" 9 | median) ($(sliced "$v" 9 | minmax))"
        echo "  p50 $(ratio "$(col "$v" 4 | median)" "$(col off 4 | median)"); CPU per request $(ratio "$(col "$v" 7 | median)" "$(col off 7 | median)"), by round $(paired "$v" 7 | median) ($(paired "$v" 7 | minmax))"
    done
    echo "per round (requests/s, p99 ms, CPU ms/request):"
    for round in $(seq 1 "$ROUNDS"); do
        printf '  %s:' "$round"
        awk -F'\t' -v r="$round" 'NR > 1 && $1 == r {printf "  %s %s, %s, %s;", $2, $3, $6, $7}' "$ROUNDS_TSV"
        echo "  ${STATES[$((round - 1))]}"
    done
} | tee "$OUT/summary.txt"
