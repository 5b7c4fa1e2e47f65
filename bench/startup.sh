#!/usr/bin/env bash
# Start-up cost of groutines in a Spring Data JPA application: the snippets demo (Spring MVC, Security, Data JPA,
# Hibernate, H2, Tomcat), packaged, started again and again in each variant, the variants alternating:
#
#   none              no agent, --groutines.enabled=false                        the baseline
#   agent-on          -javaagent, groutines on, an empty weaving cache           goal <= 1.10 x none
#   agent-on-cached   agent-on with the weaving cache of an earlier start        goal <= 1.05 x none
#   attach-on         no agent, groutines on, the starter self-attaches, empty weaving cache   goal <= 1.20 x none
#   attach-on-cached  attach-on with the weaving cache of an earlier start
#   agent-off         -javaagent, --groutines.enabled=false                      "off means off": goal <= 1.02 x none
#
# and, on request (VARIANTS="..."):
#
#   none-aot          none with a JDK AOT cache (-XX:AOTCache) made by a training start of the same variant
#   agent-on-aot      agent-on-cached with an AOT cache made by a training start with the agent
#   none-aot-agent    the agent added to a JVM whose AOT cache was made without it (the JVM refuses that cache)
#   agent-on-narrow   agent-on-cached, --groutines.weave.application-packages=false: only what the groutines name
#   agent-on-here     agent-on without weaving ahead (-Dgroutines.weave.ahead=false): every class woven by the thread
#                     that loads it, as before weaving ahead was there
#   attach-on-here    attach-on without weaving ahead
#   agent-on-aspectj  agent-on with every class woven by AspectJ's weaver (-Dgroutines.weave.direct=false), as
#                     before the direct weaver
#   agent-on-edited   agent-on-cached after an edit: before each start the cache entries of the classes EDITED names
#                     are deleted, as a rebuild that changed those classes leaves them unfound
#   empty-agent       none with -javaagent of an agent whose premain does nothing (built here): what any -javaagent
#                     costs the JVM (the java.instrument module, which turns off CDS's archived module graph), the
#                     floor under agent-off
#   transformer-agent  none with -javaagent of an agent that only adds a class-file transformer returning null (built
#                     here): what the JVM pays to hand every class it loads to a transformer, the floor under
#                     agent-on-cached
#
#   bench/startup.sh                 build, then STARTS rounds of the six variants (about 10 minutes on 2 cores)
#
# Every start: the same jar, the same port, its own working directory bench/out/startup/VARIANT-N/ (an ajcore file
# written there would be found), -Xlog:class+load into it (classes loaded up to "Started" are counted). Each variant
# with the agent or self-attach has its own weaving cache directory in bench/out/startup/: emptied before every start
# of the cold variants; filled by one unmeasured start before the first round for the -cached ones. Groutines on means
# the packaged jar: --groutines.allow-in-production=true is passed, the production guard would refuse otherwise (and
# the agent, which reads it from the launch, weaves the application's classes from the start and uses its cache).
# Where the time goes inside a start: bench/startup-profile.sh (Flight Recorder).
#
# Environment (all optional):
#   STARTS=7                 rounds; each round starts every variant once, in an order rotated round by round
#   VARIANTS="none agent-on agent-on-cached attach-on attach-on-cached agent-off"
#   EDITED=io.groutines.demo.snippets.*   the classes agent-on-edited "changed" (a glob of binary names)
#   ATTACH_FLAGS=            JVM flags of the attach-on variants, e.g. -XX:+EnableDynamicAgentLoading (silences the
#                            JDK's warning about a dynamically loaded agent)
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
VARIANTS=${VARIANTS:-none agent-on agent-on-cached attach-on attach-on-cached agent-off}
read -r -a ATTACH <<<"${ATTACH_FLAGS:-}"
EDITED=${EDITED:-io.groutines.demo.snippets.*}

find_java
build_demo
trap stop_app EXIT INT TERM

STATE_BEFORE=$(machine_state)
log "machine before: $STATE_BEFORE"

ON=(--groutines.allow-in-production=true)   # the demo profile: start_view, check_permissions, fill_user
OFF=(--groutines.enabled=false)
COMMON=(-Xlog:class+load=info:file=classes.txt:uptime)
AGENT_FLAG="-javaagent:$ROOT/$AGENT"

# empty_agent: the path of a jar whose agent does nothing, built once into $OUT
empty_agent() {
    local jar="$OUT/empty-agent.jar"
    if [ ! -f "$jar" ]; then
        local src="$OUT/empty-agent"
        mkdir -p "$src"
        printf 'public final class EmptyAgent {\n    public static void premain(String args) {\n    }\n}\n' > "$src/EmptyAgent.java"
        printf 'Premain-Class: EmptyAgent\n' > "$src/manifest.txt"
        "$(dirname "$JAVA")/javac" -d "$src" "$src/EmptyAgent.java"
        "$(dirname "$JAVA")/jar" --create --file "$jar" --manifest "$src/manifest.txt" -C "$src" EmptyAgent.class
    fi
    printf '%s' "$jar"
}

# transformer_agent: the path of a jar whose agent only adds a class-file transformer that changes nothing, built
# once into $OUT
transformer_agent() {
    local jar="$OUT/transformer-agent.jar"
    if [ ! -f "$jar" ]; then
        local src="$OUT/transformer-agent"
        mkdir -p "$src"
        cat > "$src/TransformerAgent.java" <<'JAVA'
public final class TransformerAgent {
    public static void premain(String args, java.lang.instrument.Instrumentation instrumentation) {
        instrumentation.addTransformer(new java.lang.instrument.ClassFileTransformer() { });
    }
}
JAVA
        printf 'Premain-Class: TransformerAgent\n' > "$src/manifest.txt"
        "$(dirname "$JAVA")/javac" -d "$src" "$src/TransformerAgent.java"
        "$(dirname "$JAVA")/jar" --create --file "$jar" --manifest "$src/manifest.txt" -C "$src" .
    fi
    printf '%s' "$jar"
}

# variant_args NAME: sets JVM and APP for a variant, and CACHE (its weaving cache directory, or empty), COLD (1: the
# cache is emptied before each start), EDIT (1: the entries of the EDITED classes are deleted before each start) and AOT
# (its AOT cache file, or empty)
variant_args() {
    JVM=("${COMMON[@]}")
    APP=()
    CACHE="$OUT/weave-cache-$1"
    COLD=0
    EDIT=0
    AOT=""
    case $1 in
        none)             APP=("${OFF[@]}"); CACHE="" ;;
        agent-on)         JVM+=("$AGENT_FLAG"); APP=("${ON[@]}"); COLD=1 ;;
        agent-on-cached)  JVM+=("$AGENT_FLAG"); APP=("${ON[@]}") ;;
        attach-on)        JVM+=(${ATTACH[@]+"${ATTACH[@]}"}); APP=("${ON[@]}"); COLD=1 ;;
        attach-on-cached) JVM+=(${ATTACH[@]+"${ATTACH[@]}"}); APP=("${ON[@]}") ;;
        agent-off)        JVM+=("$AGENT_FLAG"); APP=("${OFF[@]}"); CACHE="" ;;
        none-aot)         APP=("${OFF[@]}"); CACHE=""; AOT="$OUT/none-aot.aot" ;;
        agent-on-aot)     JVM+=("$AGENT_FLAG"); APP=("${ON[@]}"); AOT="$OUT/agent-on-aot.aot" ;;
        none-aot-agent)   JVM+=("$AGENT_FLAG"); APP=("${ON[@]}"); AOT="$OUT/none-aot.aot" ;;
        agent-on-narrow)  JVM+=("$AGENT_FLAG"); APP=("${ON[@]}" --groutines.weave.application-packages=false) ;;
        agent-on-edited)  JVM+=("$AGENT_FLAG"); APP=("${ON[@]}"); EDIT=1 ;;
        agent-on-here)    JVM+=("$AGENT_FLAG" -Dgroutines.weave.ahead=false); APP=("${ON[@]}"); COLD=1 ;;
        agent-on-aspectj) JVM+=("$AGENT_FLAG" -Dgroutines.weave.direct=false); APP=("${ON[@]}"); COLD=1 ;;
        attach-on-here)   JVM+=(${ATTACH[@]+"${ATTACH[@]}"} -Dgroutines.weave.ahead=false); APP=("${ON[@]}"); COLD=1 ;;
        empty-agent)      JVM+=("-javaagent:$(empty_agent)"); APP=("${OFF[@]}"); CACHE="" ;;
        transformer-agent) JVM+=("-javaagent:$(transformer_agent)"); APP=("${OFF[@]}"); CACHE="" ;;
        *) log "unknown variant $1"; exit 1 ;;
    esac
    [ -n "$CACHE" ] && JVM+=("-Dgroutines.weave.cache.dir=$CACHE")
    return 0
}
for v in $VARIANTS; do variant_args "$v"; done   # fail early on a typo

# before the rounds, unmeasured: the AOT caches' training starts, and one start of each -cached variant to fill its
# weaving cache (a start with an AOT cache reuses the weaving cache its training start filled)
for v in $VARIANTS; do
    variant_args "$v"
    [ -n "$CACHE" ] && rm -rf "$CACHE"
    if [ -n "$AOT" ] && [ ! -f "$AOT" ]; then
        training="${v%-agent}"   # none-aot-agent uses none-aot's cache, made without the agent
        variant_args "$training"
        rm -f "$AOT"
        log "training start of $training, writing $AOT"
        start_app "train-$training" "${JVM[@]}" "-XX:AOTCacheOutput=$AOT" -- "${APP[@]}"
        stop_app
        variant_args "$v"
    fi
    if [ -n "$CACHE" ] && [ "$COLD" = 0 ] && [ ! -d "$CACHE" ]; then
        log "filling the weaving cache of $v"
        start_app "warm-$v" "${JVM[@]}" -- "${APP[@]}"
        stop_app
    fi
done

# lines of a start's log that a user would take for a problem: errors, warnings (the JDK's too), the weaver's and
# groutines' own console lines, stack traces. Spring's INFO lines are not.
spurious() {
    grep -E ' ERROR | WARN |^WARNING|^Error|\[groutines\]|[Ww]eaver|[Aa]spect[Jj]|ajcore|Exception|^[[:space:]]+at |^Caused by|\[(error|warning)\]\[(aot|cds)' "$1" \
        | grep -v -E ' (INFO|DEBUG|TRACE) [0-9]+ --- |Preload Warning|Skipping .*: From ClassFileLoadHook' \
        | sed -E 's/^[0-9]{4}-[0-9-]+T[0-9:.]+Z? +//; s/^(ERROR|WARN) +[0-9]+ --- /\1 /; s/[0-9]{6,}/N/g; s/^\[[0-9.]+s\]//' || true
}

TSV="$OUT/starts.tsv"
SPURIOUS="$OUT/spurious.txt"
printf 'round\tvariant\tstarted_s\tprocess_s\tcpu_s\tclasses_to_started\tclasses_total\tajcore\tforeign_cpu_pct\tmachine\n' > "$TSV"
: > "$SPURIOUS"

read -r -a ORDER <<<"$VARIANTS"
N=${#ORDER[@]}
STATES=()
for round in $(seq 1 "$STARTS"); do
    shift_by=$(( (round - 1) % N ))
    rotated=("${ORDER[@]:shift_by}" "${ORDER[@]:0:shift_by}")
    for v in "${rotated[@]}"; do
        variant_args "$v"
        [ "$COLD" = 1 ] && rm -rf "$CACHE"
        [ "$EDIT" = 1 ] && find "$CACHE" -name "$EDITED-*.woven" -delete
        [ -n "$AOT" ] && JVM+=("-XX:AOTCache=$AOT")
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
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$v" "$STARTED" "$PROCESS" "$STARTED_CPU" \
            "$classes_to" "$classes_all" "$ajcore" "$foreign" "$state" >> "$TSV"
        spurious "$logf" | sed "s/^/$v\t/" >> "$SPURIOUS"
        [ "$ajcore" -gt 0 ] && printf '%s\tajcore file(s) in the working directory: %s\n' "$v" "$(cd "$dir" && ls ajcore*)" >> "$SPURIOUS"
        rm -f "$dir/classes.txt.gz"; gzip -f "$dir/classes.txt"
        log "round $round: $v started in ${STARTED}s (process running for ${PROCESS}s, ${STARTED_CPU}s CPU), $classes_to classes; $state, others' CPU ${foreign}%"
    done
done
STATE_AFTER=$(machine_state)

# ---------------------------------------------------------------- report
col() { awk -F'\t' -v v="$1" -v c="$2" 'NR > 1 && $2 == v && $c != "-" && $c != "" {print $c}' "$TSV"; }
# per-round ratio of variant V to none, column C
paired() {
    awk -F'\t' -v v="$1" -v c="$2" 'NR > 1 && $2 == "none" {b[$1] = $c} NR > 1 && $2 == v {x[$1] = $c}
        END {for (r in x) if (r in b && b[r] > 0) printf "%.3f\n", x[r] / b[r]}' "$TSV"
}
busy=$(printf '%s\n' "${STATES[@]}" | grep -vc 'maven 0$' || true)
foreign_all=$(awk -F'\t' 'NR > 1 {print $9}' "$TSV")
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
    echo "X = \"Started ... in X seconds\" (from SpringApplication.run), Y = \"process running for Y\" (from JVM start)," \
        "CPU = the JVM's CPU seconds when Started was logged: medians, min–max; ratios of medians to none, and the median" \
        "(min–max) of the per-round ratios of Y and of CPU"
    printf '%-17s %-20s %-20s %-20s %8s %8s %-20s %-20s %9s\n' variant "X s" "Y s" "CPU s" "Y/none" "CPU/none" \
        "Y/none by round" "CPU/none by round" classes
    for v in $VARIANTS; do
        printf '%-17s %-20s %-20s %-20s %8s %8s %-20s %-20s %9s\n' "$v" \
            "$(col "$v" 3 | median) ($(col "$v" 3 | minmax))" "$(col "$v" 4 | median) ($(col "$v" 4 | minmax))" \
            "$(col "$v" 5 | median) ($(col "$v" 5 | minmax))" \
            "$(ratio "$(col "$v" 4 | median)" "$(col none 4 | median)")" "$(ratio "$(col "$v" 5 | median)" "$(col none 5 | median)")" \
            "$(paired "$v" 4 | median) ($(paired "$v" 4 | minmax))" "$(paired "$v" 5 | median) ($(paired "$v" 5 | minmax))" \
            "$(col "$v" 6 | median)"
    done
    echo "classes = classes loaded up to \"Started\" (-Xlog:class+load), median"
    echo
    echo "lines a user would take for a problem (occurrences, variant, line; timestamps and PIDs removed):"
    if [ -s "$SPURIOUS" ]; then
        sort "$SPURIOUS" | uniq -c | sort -k2,2 -k1,1nr | awk '{c = $1; $1 = ""; sub(/^ /, ""); print "  " c "x  " $0}' | cut -c1-300
    else
        echo "  none"
    fi
} | tee "$OUT/summary.txt"
