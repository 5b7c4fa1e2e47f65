#!/usr/bin/env bash
# What a Spring Boot DevTools restart costs with groutines, and whether memory grows from restart to restart: the
# snippets demo run from its classes as an IDE or `mvn spring-boot:run` runs it (DevTools on the class path), then
# restarted again and again in the same JVM. One JVM per variant runs at the same time, each on its own port, and the
# restarts alternate between them — variant after variant, the order rotated at each step — so that each restart of a
# variant has one of every other variant next to it in time, and the machine's drift (a shared machine) falls on all
# alike; the others are idle while one restarts:
#
#   none        no agent, --groutines.enabled=false                      the baseline
#   agent-on    -javaagent, groutines on (the demo profile's three)      target: restart <= 1.15 x none
#   agent-added agent-on, and before the first measured restart a groutine is added on a library method the first
#               run loaded (Spring's HtmlUtils.htmlEscape): every restart then also weaves its call sites
#
# and, to see where the time goes (VARIANTS="... agent-off agent-on-narrow"):
#
#   agent-off        -javaagent, --groutines.enabled=false: the agent weaves nothing after the application decided
#   agent-on-narrow  agent-on, --groutines.weave.application-packages=false: only the classes the groutines name are
#                    woven (5 of the demo's ~45), so the difference to agent-on is the weaving per class
#
#   bench/restart.sh        build, then ROUNDS rounds: the variants' JVMs started, RESTARTS restarts of each
#                           (about 10 minutes)
#
# A restart is what a developer's edit causes: a file in the classes directory changes, then DevTools' trigger file
# (spring.devtools.restart.trigger-file), as an IDE's build touches it. Measured per restart, from the application's
# log: from DevTools' "Restarting application" to Spring Boot's "Started" (the old context stopped, the new one up),
# and Spring Boot's own "Started ... in X seconds". After each restart and a request to the login page: a full GC
# (jcmd GC.run), then the heap used and the metaspace used; at the end of each JVM, the restart class loaders and
# AspectJ worlds still alive after a full GC (jcmd GC.class_histogram).
#
# Environment (all optional):
#   ROUNDS=2  RESTARTS=10  VARIANTS="none agent-on agent-added"
#   SKIP_BUILD=1   WAIT_QUIET=0 (seconds to wait for a quiet machine before each round, as in bench/startup.sh)
#   PORT=18080 (the first variant's; the next ones take the ports after it)  JAVA_HOME
# Results: printed, and kept in bench/out/restart/ (summary.txt, restarts.tsv, each JVM's log).
# On a shared machine run it under a lock that other benchmarks take too: flock LOCKFILE bench/restart.sh
set -euo pipefail

cd "$(dirname "$0")/.."
log() { printf '[restart] %s\n' "$*" >&2; }
OUT="$(pwd)/bench/out/restart"
. bench/lib.sh

ROUNDS=${ROUNDS:-2}
RESTARTS=${RESTARTS:-10}
VARIANTS=${VARIANTS:-none agent-on agent-added}
CLASSPATH_FILE=snippets-demo-app/target/runtime-classpath.txt

find_java
JAVAC="$(dirname "$JAVA")/javac"
JCMD="$(dirname "$JAVA")/jcmd"
build_demo
[ -f "$CLASSPATH_FILE" ] && [ -d snippets-demo-app/target/classes ] || { log "no classes or $CLASSPATH_FILE: build first"; exit 1; }
LIBS=$(cat "$CLASSPATH_FILE")

STATE_BEFORE=$(machine_state)
log "machine before: $STATE_BEFORE"

DEVTOOLS=(--spring.devtools.restart.trigger-file=.restart --spring.devtools.restart.poll-interval=200ms
    --spring.devtools.restart.quiet-period=100ms --spring.devtools.livereload.enabled=false
    --spring.devtools.restart.log-condition-evaluation-delta=false
    --logging.level.org.springframework.boot.devtools.restart.Restarter=DEBUG)

variant_args() {
    JVM=()
    APP=()
    case $1 in
        none)        APP=(--groutines.enabled=false) ;;
        agent-on|agent-added) JVM=("-javaagent:$ROOT/$AGENT") ;;
        agent-off)   JVM=("-javaagent:$ROOT/$AGENT"); APP=(--groutines.enabled=false) ;;
        agent-on-narrow) JVM=("-javaagent:$ROOT/$AGENT"); APP=(--groutines.weave.application-packages=false) ;;
        *) log "unknown variant $1"; exit 1 ;;
    esac
}
for v in $VARIANTS; do variant_args "$v"; done

# the groutine a developer adds while the application runs: on a library method the first run loaded
add_library_groutine() {
    local classes=$1 src="$OUT/src/io/groutines/demo/groutines"
    mkdir -p "$src"
    cat > "$src/InnerLoop.java" <<'EOF'
package io.groutines.demo.groutines;

import io.groutines.Call;
import io.groutines.Groutine;
import io.groutines.Groutines;
import io.groutines.Phase;

@Groutines("inner_loop")
public class InnerLoop {

    @Groutine(call = "org.springframework.web.util.HtmlUtils.htmlEscape(java.lang.String)", phase = Phase.EXIT, loop = true)
    void shout(Call call) {
        call.replaceResult(((String) call.returnValue()).toUpperCase());
    }
}
EOF
    "$JAVAC" -cp "$classes:$LIBS" -d "$classes" -parameters -proc:none "$src/InnerLoop.java"
    printf 'groutines:\n  active: start_view, check_permissions, fill_user, inner_loop\n' > "$classes/application-inner-loop.yaml"
}

# ms since the epoch of a log line's ISO timestamp (UTC)
stamp() { date -d "$(cut -d' ' -f1 <<<"$1")" +%s%3N; }
count() { grep -c -- "$1" "$2" || true; }

# start NAME PORT: the demo from a copy of its classes, in $OUT/NAME/, logging to $OUT/NAME.log; sets PID[NAME]
declare -A PID CLASSES_OF PORT_OF
start() {
    local name=$1 port=$2 dir="$OUT/$1"
    rm -rf "$dir"; mkdir -p "$dir/demo/target"
    cp -r snippets-demo-app/target/classes "$dir/demo/target/classes"
    CLASSES_OF[$name]="$dir/demo/target/classes"
    PORT_OF[$name]=$port
    echo 0 > "${CLASSES_OF[$name]}/.restart"
    if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then log "port $port is in use: set PORT"; exit 1; fi
    (cd "$dir" && exec "$JAVA" "${JVM[@]}" -cp "${CLASSES_OF[$name]}:$LIBS" io.groutines.demo.SnippetsApplication \
        --spring.profiles.active=demo,inner-loop --server.address=127.0.0.1 --server.port="$port" "${DEVTOOLS[@]}" \
        "${APP[@]}") > "$OUT/$name.log" 2>&1 &
    PID[$name]=$!
    await "$name" 0
}

# await NAME N: until the log has more than N "Started" lines
await() {
    local logf="$OUT/$1.log"
    for _ in $(seq 1 1800); do
        [ "$(count 'Started SnippetsApplication' "$logf")" -gt "$2" ] && return 0
        kill -0 "${PID[$1]}" 2>/dev/null || { log "the application died: see $logf"; tail -20 "$logf" >&2; exit 1; }
        [ "$(count 'APPLICATION FAILED TO START' "$logf")" -gt 0 ] && { log "the application failed: see $logf"; exit 1; }
        sleep 0.1
    done
    log "no start within 180 s: see $logf"; exit 1
}

# restart NAME N: an edit, then the trigger file, until DevTools restarts (its watcher belongs to the context, and a
# watcher still starting takes a change for its first state); then until the restarted application is up
restart() {
    local logf="$OUT/$1.log" classes=${CLASSES_OF[$1]} before
    before=$(count 'Restarting application' "$logf")
    for attempt in $(seq 1 20); do
        echo "$2.$attempt" > "$classes/edit.txt"
        echo "$2.$attempt" > "$classes/.restart"
        for _ in $(seq 1 30); do
            [ "$(count 'Restarting application' "$logf")" -gt "$before" ] && break 2
            sleep 0.1
        done
    done
    await "$1" "$2"
}

stop_all() {
    for name in "${!PID[@]}"; do
        kill "${PID[$name]}" 2>/dev/null || true
    done
    for name in "${!PID[@]}"; do
        for _ in $(seq 1 100); do kill -0 "${PID[$name]}" 2>/dev/null || break; sleep 0.1; done
        kill -9 "${PID[$name]}" 2>/dev/null || true
        wait "${PID[$name]}" 2>/dev/null || true
    done
    PID=()
}
trap stop_all EXIT

login_page() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORT_OF[$1]}/api-auth/login/"; }
heap_used_kb() { "$JCMD" "$1" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -1; }
meta_used_kb() {
    "$JCMD" "$1" VM.metaspace | grep -m1 'Both:' | sed -n 's/.*committed, *\([0-9.]*\) \([KMG]B\) *([^)]*) used.*/\1 \2/p' \
        | awk '{v = $1; if ($2 == "MB") v *= 1024; if ($2 == "GB") v *= 1048576; printf "%.0f\n", v}'
}
live() { "$JCMD" "$1" GC.class_histogram | awk -v c="$2" '$4 == c {print $2; f = 1} END {if (!f) print 0}'; }

TSV="$OUT/restarts.tsv"
mkdir -p "$OUT"
printf 'round\tvariant\trestart\trestart_ms\tstarted_s\theap_kb\tmetaspace_kb\tforeign_cpu_pct\n' > "$TSV"
ENDS="$OUT/ends.tsv"
printf 'round\tvariant\trestart_loaders\taspectj_worlds\n' > "$ENDS"

read -r -a ORDER <<<"$VARIANTS"
N=${#ORDER[@]}
for round in $(seq 1 "$ROUNDS"); do
    wait_quiet
    k=0
    for v in "${ORDER[@]}"; do
        variant_args "$v"
        start "$v-$round" $((PORT + k)); k=$((k + 1))
        [ "$(login_page "$v-$round")" = 200 ] || { log "$v-$round: the login page failed"; exit 1; }
        [ "$v" = agent-added ] && add_library_groutine "${CLASSES_OF[$v-$round]}"
    done
    for i in $(seq 1 "$RESTARTS"); do
        shift_by=$(( (i - 1) % N ))
        for v in "${ORDER[@]:shift_by}" "${ORDER[@]:0:shift_by}"; do
            name="$v-$round"; logf="$OUT/$name.log"; APP_PID=${PID[$name]}
            cpu_mark
            restart "$name" "$i"
            foreign=$(foreign_cpu)
            from=$(grep 'Restarting application' "$logf" | tail -1)
            to=$(grep 'Started SnippetsApplication' "$logf" | tail -1)
            ms=$(( $(stamp "$to") - $(stamp "$from") ))
            started=$(sed -n 's/.*Started [A-Za-z0-9_]* in \([0-9.]*\) seconds.*/\1/p' <<<"$to")
            [ "$(login_page "$name")" = 200 ] || { log "$name: the login page failed after restart $i"; exit 1; }
            "$JCMD" "$APP_PID" GC.run > /dev/null
            heap=$(heap_used_kb "$APP_PID"); meta=$(meta_used_kb "$APP_PID")
            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$v" "$i" "$ms" "$started" "$heap" "$meta" "$foreign" >> "$TSV"
            log "round $round, restart $i, $v: ${ms} ms (started in ${started}s), heap after GC ${heap} KB, metaspace ${meta} KB, others' CPU ${foreign}%"
        done
    done
    for v in "${ORDER[@]}"; do
        name="$v-$round"
        printf '%s\t%s\t%s\t%s\n' "$round" "$v" \
            "$(live "${PID[$name]}" org.springframework.boot.devtools.restart.classloader.RestartClassLoader)" \
            "$(live "${PID[$name]}" org.aspectj.weaver.ltw.LTWWorld)" >> "$ENDS"
        if [ "$v" = agent-added ]; then
            grep -q 'Target org.springframework.web.util.HtmlUtils.htmlEscape' "$OUT/$name.log" \
                || { log "$name: no call-site warning in its log"; exit 1; }
            grep -q 'action="/API-AUTH/LOGIN/"' <(curl -s "http://127.0.0.1:${PORT_OF[$name]}/api-auth/login/") \
                || { log "$name: the added groutine did not see the login page's calls"; exit 1; }
        fi
    done
    stop_all
done
STATE_AFTER=$(machine_state)

# ---------------------------------------------------------------- report
col() { awk -F'\t' -v v="$1" -v c="$2" 'NR > 1 && $2 == v {print $c}' "$TSV"; }
# the ratio of each restart of a variant to none's restart of the same round and step
paired() {
    awk -F'\t' -v v="$1" 'NR > 1 && $2 == "none" {b[$1 "." $3] = $4} NR > 1 && $2 == v {x[$1 "." $3] = $4}
        END {for (k in x) if (k in b && b[k] > 0) printf "%.3f\n", x[k] / b[k]}' "$TSV"
}
# growth per restart: least squares over restarts 2..N of every JVM of the variant, KB per restart
slope() {
    awk -F'\t' -v v="$1" -v c="$2" 'NR > 1 && $2 == v && $3 > 1 {n++; x += $3; y += $c; xx += $3 * $3; xy += $3 * $c}
        END {if (n < 2) print "-"; else printf "%.0f\n", (n * xy - x * y) / (n * xx - x * x)}' "$TSV"
}
at() { awk -F'\t' -v v="$1" -v c="$2" -v i="$3" 'NR > 1 && $2 == v && $3 == i {print $c}' "$TSV" | median; }
foreign_all=$(awk -F'\t' 'NR > 1 {print $8}' "$TSV")
{
    echo
    echo "== groutines DevTools restarts — $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); java $JAVA_VERSION"
    echo "before: $STATE_BEFORE; after: $STATE_AFTER"
    echo "CPU used by others during a restart (% of all cores): median $(median <<<"$foreign_all"), max $(sort -n <<<"$foreign_all" | tail -1)"
    echo "$ROUNDS rounds, $RESTARTS restarts of each of: $VARIANTS (the JVMs side by side, restarts alternating)"
    echo "restart = DevTools' \"Restarting application\" to \"Started\" (ms); started = \"Started ... in X seconds\":"
    echo "medians (min–max) over all restarts of the variant; ratio of medians to none; median (min–max) of the"
    echo "ratios of each restart to none's restart of the same step"
    printf '%-16s %-22s %-20s %8s %s\n' variant "restart ms" "started s" "/none" "paired /none"
    for v in $VARIANTS; do
        printf '%-16s %-22s %-20s %8s %s\n' "$v" "$(col "$v" 4 | median) ($(col "$v" 4 | minmax))" \
            "$(col "$v" 5 | median) ($(col "$v" 5 | minmax))" "$(ratio "$(col "$v" 4 | median)" "$(col none 4 | median)")" \
            "$(paired "$v" | median) ($(paired "$v" | minmax))"
    done
    echo
    echo "after a full GC (median over rounds): heap used and metaspace used (KB) after restart 1 and $RESTARTS, and the"
    echo "growth per restart (least squares over restarts 2..$RESTARTS); at the end: restart class loaders and AspectJ"
    echo "worlds alive (jcmd GC.class_histogram, per JVM)"
    printf '%-16s %10s %10s %10s %10s %10s %10s %-12s %-12s\n' variant "heap 1" "heap $RESTARTS" "heap/rst" "meta 1" \
        "meta $RESTARTS" "meta/rst" loaders worlds
    for v in $VARIANTS; do
        printf '%-16s %10s %10s %10s %10s %10s %10s %-12s %-12s\n' "$v" "$(at "$v" 6 1)" "$(at "$v" 6 "$RESTARTS")" \
            "$(slope "$v" 6)" "$(at "$v" 7 1)" "$(at "$v" 7 "$RESTARTS")" "$(slope "$v" 7)" \
            "$(awk -F'\t' -v v="$v" 'NR > 1 && $2 == v {printf "%s ", $3}' "$ENDS")" \
            "$(awk -F'\t' -v v="$v" 'NR > 1 && $2 == v {printf "%s ", $4}' "$ENDS")"
    done
} | tee "$OUT/summary.txt"
