#!/usr/bin/env bash
# Groutines waiting under a lock each request takes for itself, under load: the packaged demo with the groutines
# agent, the seed groutines on, and demo.lock-per-request=true (every request runs inside synchronized on a new
# object of its own, inside the groutines filter, so each request's groutines are resumed and wait again under it).
# wrk sends anonymous requests from CONNECTIONS connections for DURATION: 3 of 4 GET /snippets/ (200), 1 of 4
# POST /snippets/ (201: the groutines skip the permission check and make vitalii the owner). Every answer must be
# 200 or 201; the script prints the count of each status and fails otherwise.
#
#   bench/request-lock.sh
#
# Environment (all optional): DURATION=30s CONNECTIONS=16 THREADS=2 SKIP_BUILD=1 PORT=18080 JAVA_HOME (a JDK 25)
# Results: printed, and kept with the application's log in bench/out/request-lock/.
set -euo pipefail

cd "$(dirname "$0")/.."
log() { printf '[request-lock] %s\n' "$*" >&2; }
OUT="$(pwd)/bench/out/request-lock"
rm -rf "$OUT"
. bench/lib.sh

DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
command -v wrk >/dev/null || { log "wrk is not installed (Debian: apt-get install wrk)"; exit 1; }

find_java
build_demo
trap stop_app EXIT
# the packaged jar is refused as deployed unless allowed: this is a benchmark of a development tool
start_app request-lock -javaagent:"$ROOT/$AGENT" -- --groutines.allow-in-production=true \
    --demo.lock-per-request=true --spring.profiles.active=demo
log "started in ${STARTED}s; $(machine_state)"
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/snippets/" || { log "the application does not answer"; exit 1; }
log "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout 30s"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s --latency -s bench/request-lock.lua "http://127.0.0.1:$PORT" \
    | tee "$OUT/wrk.txt"
statuses=$(grep '^statuses:' "$OUT/wrk.txt")
bad=$(tr ' ' '\n' <<<"${statuses#statuses:}" | grep -v -e '^$' -e '^200=' -e '^201=' || true)
errors=$(grep -E 'Socket errors|Non-2xx' "$OUT/wrk.txt" || true)
if [ -n "$bad" ] || [ -n "$errors" ]; then
    log "FAILED: answers other than 200/201 or socket errors: ${bad:-} ${errors:-}"
    exit 1
fi
log "every answer was 200 or 201 ($statuses); $(machine_state)"
