# Shared by bench/load.sh and bench/startup.sh (sourced, not run): the JDK, the build, the demo's jars, starting and
# stopping the application, medians, and the machine's state around each measured run.
# Expects: set -euo pipefail, the working directory at the repository's root, and log() defined by the caller.

ROOT=$(pwd)
OUT=${OUT:-"$ROOT/bench/out"}
mkdir -p "$OUT"
PORT=${PORT:-18080}
AGENT="snippets-demo-app/target/agent/groutines-agent.jar"

# ---------------------------------------------------------------- the JDK
java_major() { "$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2; exit}'; }

find_java() {
    JAVA=""
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 25 ] 2>/dev/null; then
        JAVA="$JAVA_HOME/bin/java"
    else
        log "asking Maven's toolchain for a JDK 25"
        local home
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
}

# ---------------------------------------------------------------- the build
# the fat jar is snippets-demo-app-VERSION.jar, or spring-snippets-demo-VERSION.jar should it be renamed
find_jar() {
    JAR=$(ls snippets-demo-app/target/snippets-demo-app-*.jar snippets-demo-app/target/spring-snippets-demo-*.jar 2>/dev/null \
        | grep -v -e '\.original$' -e 'sources' -e 'javadoc' | head -1 || true)
    [ -n "$JAR" ] && [ -f "$JAR" ] && [ -f "$AGENT" ] || { log "no demo jar or agent in snippets-demo-app/target: build first"; exit 1; }
}

build_demo() {
    if [ -z "${SKIP_BUILD:-}" ]; then
        log "building the demo: ./mvnw -B -pl snippets-demo-app -am -DskipTests package"
        ./mvnw -B -q -pl snippets-demo-app -am -DskipTests package
    fi
    find_jar
}

# ---------------------------------------------------------------- the machine
# one line: load average, and the other JVMs and Maven builds running now (ours excluded)
machine_state() {
    local own=${APP_PID:-0} javas mavens
    javas=$(pgrep -x java | grep -v -x -e "$own" -e "$$" | wc -l || true)
    mavens=$(pgrep -fc plexus-classworlds || true)
    printf 'load %s, other java %s, maven %s' "$(cut -d' ' -f1-3 /proc/loadavg)" "$javas" "$mavens"
}

# CPU used by others while we measure: the machine's busy time (/proc/stat) minus the application's and this
# script's own (its children included: wrk, curl), as a percentage of all cores over the interval.
# cpu_mark before, foreign_cpu after; the application is $APP_PID.
HZ=$(getconf CLK_TCK)
NCPU=$(nproc)
cpu_busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
pid_cpu() {   # utime + stime (+ children's with "all") of a process, 0 when it is gone
    [ -n "${1:-}" ] && [ -r "/proc/$1/stat" ] || { echo 0; return; }
    awk -v all="${2:-}" '{sub(/.*\) /, ""); print $12 + $13 + (all ? $14 + $15 : 0)}' "/proc/$1/stat" 2>/dev/null || echo 0
}
cpu_mark() { MARK_T=$(date +%s%N); MARK_BUSY=$(cpu_busy); MARK_OWN=$(pid_cpu $$ all); MARK_APP=$(pid_cpu "${APP_PID:-}"); }
foreign_cpu() {
    local t busy own app
    t=$(date +%s%N); busy=$(cpu_busy); own=$(pid_cpu $$ all); app=$(pid_cpu "${APP_PID:-}")
    awk -v t0="$MARK_T" -v t="$t" -v b0="$MARK_BUSY" -v b="$busy" -v o0="$MARK_OWN" -v o="$own" -v a0="$MARK_APP" -v a="$app" \
        -v hz="$HZ" -v n="$NCPU" 'BEGIN {f = (b - b0) - (o - o0) - (a - a0); if (f < 0) f = 0;
        cap = (t - t0) / 1e9 * hz * n; printf "%.0f\n", (cap > 0 ? f / cap * 100 : 0)}'
}

# WAIT_QUIET=SECONDS: before a measured run, wait up to that long until no Maven build runs and the machine's CPU,
# over 2 s, is below QUIET_CPU % (default 15); then go on anyway, and say so. 0 (the default): do not wait.
wait_quiet() {
    local limit=${WAIT_QUIET:-0} waited=0 busy mavens
    [ "$limit" -gt 0 ] || return 0
    while :; do
        cpu_mark; sleep 2; busy=$(foreign_cpu)
        mavens=$(pgrep -fc plexus-classworlds || true)
        if [ "$mavens" = 0 ] && [ "$busy" -lt "${QUIET_CPU:-15}" ]; then
            [ "$waited" -gt 0 ] && log "waited ${waited}s for a quiet machine"
            return 0
        fi
        if [ "$waited" -ge "$limit" ]; then
            log "the machine is not quiet after ${waited}s (CPU ${busy}% used by others, $mavens Maven builds): going on"
            return 0
        fi
        sleep 3; waited=$((waited + 5))
    done
}

# ---------------------------------------------------------------- the application
APP_PID=""
stop_app() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=""
}

# start_app NAME JVM-FLAGS... -- APP-ARGS...
# Runs the jar in its own working directory, $OUT/NAME/ (so that files the application writes there, ajcore files
# included, can be found), logging to $OUT/NAME.log; waits for Spring Boot's "Started X in S seconds (process running
# for P)" and sets STARTED=S, PROCESS=P and STARTED_CPU: the CPU seconds the JVM had used when the line appeared (all
# its threads: the JIT compilers and the collector too). Not run in a subshell: APP_PID must stay visible to stop_app.
start_app() {
    local name=$1; shift
    local jvm=() app=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do jvm+=("$1"); shift; done
    [ $# -gt 0 ] && shift
    app=("$@")
    if (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null; then
        log "port $PORT is in use: set PORT"; exit 1
    fi
    rm -rf "${OUT:?}/$name"
    mkdir -p "$OUT/$name"
    (cd "$OUT/$name" && exec "$JAVA" "${jvm[@]}" -jar "$ROOT/$JAR" --server.address=127.0.0.1 --server.port="$PORT" "${app[@]}") \
        > "$OUT/$name.log" 2>&1 &
    APP_PID=$!
    local line=""
    STARTED=""
    PROCESS=""
    STARTED_CPU=""
    for _ in $(seq 1 3600); do
        line=$(grep -m1 -E 'Started [A-Za-z0-9_]+ in [0-9.]+ seconds' "$OUT/$name.log" || true)
        if [ -n "$line" ]; then
            STARTED_CPU=$(awk -v hz="$HZ" '{printf "%.2f", $1 / hz}' <<<"$(pid_cpu "$APP_PID")")
            break
        fi
        kill -0 "$APP_PID" 2>/dev/null || { log "the application died: see $OUT/$name.log"; tail -20 "$OUT/$name.log" >&2; exit 1; }
        sleep 0.05
    done
    [ -n "$line" ] || { log "the application did not start within 180 s: see $OUT/$name.log"; exit 1; }
    STARTED=$(sed -n 's/.*Started [A-Za-z0-9_]* in \([0-9.]*\) seconds.*/\1/p' <<<"$line")
    PROCESS=$(sed -n 's/.*(process running for \([0-9.]*\)).*/\1/p' <<<"$line")
}

# ---------------------------------------------------------------- statistics
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else if (NR % 2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }
minmax() { sort -n | awk 'NR == 1 {min=$1} {max=$1} END {if (NR == 0) print "-"; else printf "%s–%s\n", min, max}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.3f", a / b}'; }
# words of a space-separated list, one per line
lines() { tr ' ' '\n' <<<"$1" | grep . || true; }
