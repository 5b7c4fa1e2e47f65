#!/usr/bin/env bash
# Start-up cost of groutines in a Spring Data JPA application: the snippets demo (Spring MVC, Security, Data JPA,
# Hibernate, H2, Tomcat), packaged, started again and again in each variant, the variants alternating:
#
#   none        no agent, --groutines.enabled=false                      the baseline
#   agent-on    -javaagent, groutines on (the demo profile's three)      target <= 1.15 x none
#   attach-on   no agent, groutines on: the starter self-attaches         target <= 1.25 x none
#   agent-off   -javaagent, --groutines.enabled=false                    "off means off": ~ none, classes loaded too
#
# and, to see where the time goes (VARIANTS="... agent-on-narrow agent-on-scan"):
#
#   agent-on-narrow   agent-on, --groutines.weave.application-packages=false: only the classes the groutines name
#                     are woven (5 of the demo's ~45), so the difference to agent-on is the weaving per class
#   agent-on-scan     agent-on, -Dgroutines.scan-packages=io.groutines.demo: the agent's start-up scan limited to
#                     the demo's package, so the difference to agent-on is the scan of the rest of the fat jar
#   attach-on-narrow  attach-on with --groutines.weave.application-packages=false
#
#   bench/startup.sh                 build, then STARTS rounds of the four variants (about 5 minutes on 2 cores)
#
# Every start: the same jar, the same port, its own working directory bench/out/startup/VARIANT-N/ (an ajcore file
# written there would be found), -Xlog:class+load into it (classes loaded up to "Started" are counted), and
# -Dgroutines.weave.timing=true (the agent prints its scan, set-up and weaving times; nothing without the agent).
# Groutines on means the packaged jar: --groutines.allow-in-production=true is passed, the production guard would
# refuse otherwise.
#
# Environment (all optional):
#   STARTS=7                 rounds; each round starts every variant once, in an order rotated round by round
#   VARIANTS="none agent-on attach-on agent-off"
#   ATTACH_FLAGS=            JVM flags of the attach-on variants, e.g. -XX:+EnableDynamicAgentLoading (silences the
#                            JDK's warning about a dynamically loaded agent)
#   TIMING=1                 0: no -Dgroutines.weave.timing
#   SKIP_BUILD=1             use the jar already in snippets-demo-app/target
#   WAIT_QUIET=0             seconds to wait, before each start, for no Maven build and < QUIET_CPU=15 % CPU
#                            used by others (a shared machine); 0: do not wait
#   PORT=18080  JAVA_HOME    as in bench/load.sh
# Results: printed, and kept with every start's log in bench/out/startup/ (summary.txt, starts.tsv, spurious.txt).
# On a shared machine run it under a lock that other benchmarks take too: flock LOCKFILE bench/startup.sh
set -euo pipefail

cd "$(dirname "$0")/.."
log() { printf '[startup] %s\n' "$*" >&2; }
OUT="$(pwd)/bench/out/startup"
. bench/lib.sh

STARTS=${STARTS:-7}
VARIANTS=${VARIANTS:-none agent-on attach-on agent-off}
TIMING=${TIMING:-1}
read -r -a ATTACH <<<"${ATTACH_FLAGS:-}"

find_java
build_demo

STATE_BEFORE=$(machine_state)
log "machine before: $STATE_BEFORE"

ON=(--groutines.allow-in-production=true)   # the demo profile: start_view, check_permissions, fill_user
OFF=(--groutines.enabled=false)
COMMON=(-Xlog:class+load=info:file=classes.txt:uptime)
[ "$TIMING" = 1 ] && COMMON+=(-Dgroutines.weave.timing=true)

# variant_args NAME: sets JVM and APP for a variant
variant_args() {
    JVM=("${COMMON[@]}")
    APP=()
    case $1 in
        none)             APP=("${OFF[@]}") ;;
        agent-on)         JVM+=("-javaagent:$ROOT/$AGENT"); APP=("${ON[@]}") ;;
        attach-on)        JVM+=(${ATTACH[@]+"${ATTACH[@]}"}); APP=("${ON[@]}") ;;
        agent-off)        JVM+=("-javaagent:$ROOT/$AGENT"); APP=("${OFF[@]}") ;;
        agent-on-narrow)  JVM+=("-javaagent:$ROOT/$AGENT"); APP=("${ON[@]}" --groutines.weave.application-packages=false) ;;
        agent-on-scan)    JVM+=("-javaagent:$ROOT/$AGENT" -Dgroutines.scan-packages=io.groutines.demo); APP=("${ON[@]}") ;;
        attach-on-narrow) JVM+=(${ATTACH[@]+"${ATTACH[@]}"}); APP=("${ON[@]}" --groutines.weave.application-packages=false) ;;
        *) log "unknown variant $1"; exit 1 ;;
    esac
}
for v in $VARIANTS; do variant_args "$v"; done   # fail early on a typo

# lines of a start's log that a user would take for a problem: errors, warnings (the JDK's too), the weaver's and
# groutines' own console lines, stack traces. Spring's INFO lines and the timing lines asked for are not.
spurious() {
    grep -E ' ERROR | WARN |^WARNING|^Error|\[groutines\]|[Ww]eaver|[Aa]spect[Jj]|ajcore|Exception|^[[:space:]]+at |^Caused by' "$1" \
        | grep -v -E ' (INFO|DEBUG|TRACE) [0-9]+ --- |groutines timing: ' \
        | sed -E 's/^[0-9]{4}-[0-9-]+T[0-9:.]+Z? +//; s/^(ERROR|WARN) +[0-9]+ --- /\1 /; s/[0-9]{6,}/N/g' || true
}

# timing VALUE-NAME LOG: a figure from the agent's timing lines, "-" when absent
timing() {
    local pattern
    case $1 in
        premain)  pattern='s/^groutines timing: premain \([0-9.]*\) ms.*/\1/p' ;;
        scan)     pattern='s/^groutines timing: premain .*scan for @Groutines classes \([0-9.]*\) ms.*/\1/p' ;;
        wstart)   pattern='s/^groutines timing: \(premain\|attach\) .*weaver start \([0-9.]*\) ms.*/\2/p' ;;
        attach)   pattern='s/^groutines timing: attach \([0-9.]*\) ms.*/\1/p' ;;
        install)  pattern='s/^groutines timing: attach .*byte-buddy-agent install \([0-9.]*\) ms.*/\1/p' ;;
        gated)    pattern='s/^groutines timing: gate \([0-9]*\) classes.*/\1/p' ;;
        gate)     pattern='s/^groutines timing: gate [0-9]* classes in \([0-9.]*\) ms.*/\1/p' ;;
        accepted) pattern='s/^groutines timing: gate .* \([0-9]*\) accepted.*/\1/p' ;;
        aspectj)  pattern='s/^groutines timing: gate .*AspectJ \([0-9.]*\) ms.*/\1/p' ;;
        setup)    pattern='s/^groutines timing: gate .*of which \([0-9.]*\) ms.*/\1/p' ;;
        woven)    pattern='s/^groutines timing: gate .* \([0-9]*\) woven.*/\1/p' ;;
    esac
    local v
    v=$(grep -o 'groutines timing: .*' "$2" | sed -n "$pattern" | head -1)
    echo "${v:--}"
}

TSV="$OUT/starts.tsv"
SPURIOUS="$OUT/spurious.txt"
printf 'round\tvariant\tstarted_s\tprocess_s\tclasses_to_started\tclasses_total\tpremain_ms\tscan_ms\tweaver_start_ms\tattach_ms\tattach_install_ms\tgated\tgate_ms\taccepted\taspectj_ms\tsetup_ms\twoven\tajcore\tforeign_cpu_pct\tmachine\n' > "$TSV"
: > "$SPURIOUS"

read -r -a ORDER <<<"$VARIANTS"
N=${#ORDER[@]}
STATES=()
for round in $(seq 1 "$STARTS"); do
    shift_by=$(( (round - 1) % N ))
    rotated=("${ORDER[@]:shift_by}" "${ORDER[@]:0:shift_by}")
    for v in "${rotated[@]}"; do
        variant_args "$v"
        name="$v-$round"
        wait_quiet
        state=$(machine_state)
        STATES+=("$state")
        cpu_mark
        start_app "$name" "${JVM[@]}" -- "${APP[@]}"
        foreign=$(foreign_cpu)
        stop_app
        dir="$OUT/$name"
        classes_to=$(awk -v y="$PROCESS" '{t = substr($1, 2) + 0; if (t <= y) n++} END {print n + 0}' "$dir/classes.txt")
        classes_all=$(wc -l < "$dir/classes.txt")
        ajcore=$(find "$dir" -name 'ajcore*' | wc -l)
        logf="$OUT/$name.log"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$v" "$STARTED" "$PROCESS" \
            "$classes_to" "$classes_all" "$(timing premain "$logf")" "$(timing scan "$logf")" "$(timing wstart "$logf")" \
            "$(timing attach "$logf")" "$(timing install "$logf")" "$(timing gated "$logf")" "$(timing gate "$logf")" \
            "$(timing accepted "$logf")" "$(timing aspectj "$logf")" "$(timing setup "$logf")" "$(timing woven "$logf")" \
            "$ajcore" "$foreign" "$state" >> "$TSV"
        spurious "$logf" | sed "s/^/$v\t/" >> "$SPURIOUS"
        [ "$ajcore" -gt 0 ] && printf '%s\tajcore file(s) in the working directory: %s\n' "$v" "$(cd "$dir" && ls ajcore*)" >> "$SPURIOUS"
        rm -f "$dir/classes.txt.gz"; gzip -f "$dir/classes.txt"
        log "round $round: $v started in ${STARTED}s (process running for ${PROCESS}s), $classes_to classes; $state, others' CPU ${foreign}%"
    done
done
STATE_AFTER=$(machine_state)

# ---------------------------------------------------------------- report
col() { awk -F'\t' -v v="$1" -v c="$2" 'NR > 1 && $2 == v && $c != "-" {print $c}' "$TSV"; }
# per-round ratio of variant V to none, column C
paired() {
    awk -F'\t' -v v="$1" -v c="$2" 'NR > 1 && $2 == "none" {b[$1] = $c} NR > 1 && $2 == v {x[$1] = $c}
        END {for (r in x) if (r in b && b[r] > 0) printf "%.3f\n", x[r] / b[r]}' "$TSV"
}
busy=$(printf '%s\n' "${STATES[@]}" | grep -vc 'maven 0$' || true)
foreign_all=$(awk -F'\t' 'NR > 1 {print $19}' "$TSV")
max_load=$(printf '%s\n' "${STATES[@]}" | awk '{gsub(",", "", $2); if ($2 > m) m = $2} END {print m + 0}')
{
    echo
    echo "== groutines start-up — $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); java $JAVA_VERSION"
    echo "before: $STATE_BEFORE; after: $STATE_AFTER; 1-min load before each start up to $max_load;" \
        "starts begun while a Maven build ran: $busy of ${#STATES[@]}"
    echo "CPU used by others during a start (% of all cores, from /proc/stat): median $(median <<<"$foreign_all")," \
        "max $(sort -n <<<"$foreign_all" | tail -1); per start in starts.tsv"
    echo "$STARTS rounds of: $VARIANTS (order rotated each round); JVM flags of every start: ${COMMON[*]}"
    echo "X = \"Started ... in X seconds\" (from SpringApplication.run), Y = \"process running for Y\" (from JVM start):" \
        "medians, min–max; ratios of medians to none, and the median (min–max) of the per-round ratios of Y"
    printf '%-17s %-20s %-20s %8s %8s %-20s %9s\n' variant "X s" "Y s" "X/none" "Y/none" "Y/none by round" classes
    for v in $VARIANTS; do
        printf '%-17s %-20s %-20s %8s %8s %-20s %9s\n' "$v" \
            "$(col "$v" 3 | median) ($(col "$v" 3 | minmax))" "$(col "$v" 4 | median) ($(col "$v" 4 | minmax))" \
            "$(ratio "$(col "$v" 3 | median)" "$(col none 3 | median)")" "$(ratio "$(col "$v" 4 | median)" "$(col none 4 | median)")" \
            "$(paired "$v" 4 | median) ($(paired "$v" 4 | minmax))" "$(col "$v" 5 | median)"
    done
    echo "classes = classes loaded up to \"Started\" (-Xlog:class+load), median"
    echo
    echo "agent timing (-Dgroutines.weave.timing=true; medians, ms): premain = scan + weaver start; gate/AspectJ up to exit"
    printf '%-17s %8s %8s %8s %8s %8s %9s %8s %8s %8s %8s %6s\n' variant premain scan wstart attach install gated gate accepted aspectj setup woven
    for v in $VARIANTS; do
        printf '%-17s %8s %8s %8s %8s %8s %9s %8s %8s %8s %8s %6s\n' "$v" "$(col "$v" 7 | median)" "$(col "$v" 8 | median)" \
            "$(col "$v" 9 | median)" "$(col "$v" 10 | median)" "$(col "$v" 11 | median)" "$(col "$v" 12 | median)" \
            "$(col "$v" 13 | median)" "$(col "$v" 14 | median)" "$(col "$v" 15 | median)" "$(col "$v" 16 | median)" "$(col "$v" 17 | median)"
    done
    echo
    echo "lines a user would take for a problem (occurrences, variant, line; timestamps and PIDs removed):"
    if [ -s "$SPURIOUS" ]; then
        sort "$SPURIOUS" | uniq -c | sort -k2,2 -k1,1nr | awk '{c = $1; $1 = ""; sub(/^ /, ""); print "  " c "x  " $0}' | cut -c1-300
    else
        echo "  none"
    fi
} | tee "$OUT/summary.txt"
