#!/usr/bin/env bash
# Dashplane config server against nginx serving the same bytes, measured in the same run with wrk.
# Usage (repository root): bench/server-bench.sh        Knobs: see the variables below (environment).
# Only the creates, quickly: BENCH_ROUNDS=0 BENCH_DURATION=5s BENCH_CORPUS_DASHBOARDS=0
# Prints a table: GET by uid (Dashplane and nginx, alternating rounds), creates of the seed dashboard with 16
# connections, loading the corpus dashboards, search over them, and the server's resident memory.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
DURATION=${BENCH_DURATION:-15s}
ROUNDS=${BENCH_ROUNDS:-2}
# the measured creates of the seed dashboard: for this long (a count-bounded phase of a few seconds reported up to
# 10% fewer creates/s: wrk's threads end unevenly and the run ends at the next poll of the count)
CREATE_DURATION=${BENCH_CREATE_DURATION:-20s}
# creates first, not counted: the create path's JIT warm-up, as GET has one (C2 still compiled 20% of the samples
# after 15 s, 12% after 40 s)
CREATE_WARMUP=${BENCH_CREATE_WARMUP:-30s}
CORPUS_DASHBOARDS=${BENCH_CORPUS_DASHBOARDS:-10000}
# The server runs as users start it, through ./dashplane serve and its JVM defaults; these options are added after them
SERVER_JAVA_OPTS=${BENCH_SERVER_JAVA_OPTS:-}
JAR=${BENCH_JAR:-"$ROOT/api-server/target/dashplane-server.jar"} # BENCH_JAR: another build, e.g. before a change
TOKEN=dp_bench_0123456789abcdef0123456789abcdef
SEED="$ROOT/../shared/corpus/dashboards/seed-ml-model-monitoring.json"
CORPUS_DIR="$ROOT/../shared/corpus/dashboards"

need() { command -v "$1" >/dev/null 2>&1 || command -v "/usr/sbin/$1" >/dev/null 2>&1; }
if ! need wrk || ! need nginx || ! need jq; then
  apt-get install -y wrk nginx jq >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
if [[ ! -f "$JAR" || -n "${BENCH_BUILD:-}" ]]; then
  (cd "$ROOT" && mvn -B -q -pl api-server -am -DskipTests package)
fi

WORK=$(mktemp -d /tmp/dashplane-bench.XXXXXX)
chmod 755 "$WORK"
SERVER_PID=""; NGINX_STARTED=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  [[ -n "$NGINX_STARTED" ]] && "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s stop 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- Dashplane: fresh data directory, the seed dashboard and the datasource it uses
# the launcher runs its own copy of the jar (in DASHPLANE_RUN_DIR): a rebuild during the run does not change the server
DASHPLANE_RUN_DIR="$WORK/run" DASHPLANE_JAVA_OPTS="$SERVER_JAVA_OPTS" DASHPLANE_BOOTSTRAP_TOKEN=$TOKEN \
  DASHPLANE_SERVER_JAR="$JAR" "$ROOT/dashplane" serve --port 0 --data-dir "$WORK/data" >"$WORK/server.out" 2>"$WORK/server.log" &
SERVER_PID=$! # the launcher execs java: this is the server's JVM
for _ in $(seq 120); do grep -q "listening on" "$WORK/server.out" 2>/dev/null && break; sleep 0.5; done
BASE=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$WORK/server.out")
[[ -n "$BASE" ]] || { echo "server did not start:"; tail -5 "$WORK/server.log"; exit 1; }
API="$BASE/api/v1/environments/default"
AUTH="Authorization: Bearer $TOKEN"
curl -fsS -o /dev/null -H "$AUTH" -H 'Content-Type: application/json' "$API/datasources" \
  -d '{"uid":"Prometheus","name":"Prometheus","type":"prometheus","url":"http://prometheus:9090","isDefault":true}'
SEED_UID=$(jq -r .uid "$SEED")
jq '{dashboard: .}' "$SEED" | curl -fsS -o /dev/null -H "$AUTH" -H 'Content-Type: application/json' "$API/dashboards" -d @-
mkdir -p "$WORK/www"
curl -fsS -H "$AUTH" "$API/dashboards/$SEED_UID" -o "$WORK/www/seed.json"
chmod 644 "$WORK/www/seed.json"

# --- nginx: the same bytes as a static file, default settings (access log on, like Dashplane's)
mkdir -p "$WORK/nginx/logs" "$WORK/nginx/tmp"
NGINX_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log $WORK/nginx/logs/access.log;
  client_body_temp_path $WORK/nginx/tmp/body; proxy_temp_path $WORK/nginx/tmp/proxy;
  fastcgi_temp_path $WORK/nginx/tmp/fastcgi; uwsgi_temp_path $WORK/nginx/tmp/uwsgi; scgi_temp_path $WORK/nginx/tmp/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { root $WORK/www; default_type application/json; }
  }
}
CONF
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
NGINX_STARTED=1
cmp -s "$WORK/www/seed.json" <(curl -fsS "http://127.0.0.1:$NGINX_PORT/seed.json") || { echo "nginx bytes differ"; exit 1; }

ROWS=()
# wrk output -> "req/s|p50 ms|p99 ms"
figures() {
  awk '/Requests\/sec/ {rps=$2}
       /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
       function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
       END { printf "%.0f|%.2f|%.2f", rps, ms(p50), ms(p99) }'
}
row() { ROWS+=("$1|$2|$(uptime | sed 's/.*load average: \([0-9.]*\).*/\1/')"); echo "  $1: $2" >&2; }
WRK=(wrk -t"$THREADS" -c"$CONNECTIONS" --latency --timeout 60s)

echo "warming up (Dashplane JIT) ..." >&2
"${WRK[@]}" -d10s -H "$AUTH" "$API/dashboards/$SEED_UID" >/dev/null
for r in $(seq "$ROUNDS"); do
  row "GET seed dashboard ($(wc -c <"$WORK/www/seed.json") B), Dashplane, round $r" \
    "$("${WRK[@]}" -d"$DURATION" -H "$AUTH" "$API/dashboards/$SEED_UID" | figures)"
  row "GET same bytes, nginx static file, round $r" \
    "$("${WRK[@]}" -d"$DURATION" "http://127.0.0.1:$NGINX_PORT/seed.json" | figures)"
done

# --- creates: templates with placeholders for uid and title
mkdir -p "$WORK/templates"
jq '{dashboard: (. + {uid: "__UID__", title: ("Seed __TITLE__")})}' "$SEED" >"$WORK/templates/seed.json"
CORPUS_TEMPLATES=()
for f in "$CORPUS_DIR"/*.json; do
  t="$WORK/templates/$(basename "$f")"
  jq '{dashboard: (. + {uid: "__UID__", title: (.title + " __TITLE__")})}' "$f" >"$t"
  CORPUS_TEMPLATES+=("$t")
done
# utime + stime of the server's JVM, in clock ticks (/proc/<pid>/stat fields 14 and 15)
server_cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
# server CPU ms per create since the ticks $1, over $2 creates
cpu_per_create() {
  awk -v t=$(( $(server_cpu_ticks) - $1 )) -v n="${2:-0}" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { if (n > 0) printf "%.2f", t * 1000 / hz / n; else printf "n/a" }'
}
stored() { curl -fsS -H "$AUTH" "$API/dashboards?perPage=1" | jq .total || echo 0; }
creates() { # label, answers, uid prefix, templates... (wrk stops its threads after their share; SIGINT ends wrk then)
  local label=$1 answers=$2 prefix=$3; shift 3
  local share=$(( (answers + THREADS - 1) / THREADS )) target=$(( $(stored) + answers ))
  local cpu0; cpu0=$(server_cpu_ticks)
  "${WRK[@]}" -d3600s -H "$AUTH" -s "$ROOT/bench/create.lua" "$API/dashboards" -- \
    "/api/v1/environments/default/dashboards" "$share" "$prefix" "$@" >"$WORK/wrk.out" &
  local wrk_pid=$!
  local now last=-1 still=0 # stop too when nothing was stored for 10 s (refused creates never reach the target)
  while kill -0 "$wrk_pid" 2>/dev/null && now=$(stored) && [[ $now -lt $target && $still -lt 20 ]]; do
    if [[ $now == "$last" ]]; then still=$((still + 1)); else still=0; last=$now; fi
    sleep 0.5
  done
  kill -INT "$wrk_pid" 2>/dev/null || true
  wait "$wrk_pid" || true

  local created; created=$(sed -n 's/^CREATED //p' "$WORK/wrk.out")
  local cpu_ms; cpu_ms=$(cpu_per_create "$cpu0" "$created")
  row "$label ($created created, server CPU $cpu_ms ms per create)" "$(figures <"$WORK/wrk.out")"
}
# The seed creates go to a scratch environment, kept: the default environment holds the corpus for the search and
# memory rows, as the issue's targets put it (10,000 corpus dashboards), however many creates a run makes.
SCRATCH="$BASE/api/v1/environments/bench-creates"
curl -fsS -o /dev/null -H "$AUTH" -H 'Content-Type: application/json' "$BASE/api/v1/environments" -d '{"name":"bench-creates"}'
curl -fsS -o /dev/null -H "$AUTH" -H 'Content-Type: application/json' "$SCRATCH/datasources" \
  -d '{"uid":"Prometheus","name":"Prometheus","type":"prometheus","url":"http://prometheus:9090","isDefault":true}'
if [[ "$CREATE_WARMUP" != 0 && "$CREATE_WARMUP" != 0s ]]; then
  echo "warming up the creates ($CREATE_WARMUP) ..." >&2
  row "create seed dashboard (5 KB), POST, the first $CREATE_WARMUP after start (JIT warm-up, not counted below)" \
    "$("${WRK[@]}" -d"$CREATE_WARMUP" -H "$AUTH" -s "$ROOT/bench/create.lua" "$SCRATCH/dashboards" -- \
      "/api/v1/environments/bench-creates/dashboards" 1000000000 w "$WORK/templates/seed.json" | figures)"
fi
cpu0=$(server_cpu_ticks)
"${WRK[@]}" -d"$CREATE_DURATION" -H "$AUTH" -s "$ROOT/bench/create.lua" "$SCRATCH/dashboards" -- \
  "/api/v1/environments/bench-creates/dashboards" 1000000000 s "$WORK/templates/seed.json" >"$WORK/wrk.out"
created=$(sed -n 's/^CREATED //p' "$WORK/wrk.out")
cpu_ms=$(cpu_per_create "$cpu0" "$created")
row "create seed dashboard (5 KB), POST, $CREATE_DURATION ($created created, server CPU $cpu_ms ms per create)" \
  "$(figures <"$WORK/wrk.out")"
# (none asked: skipped, as a wrk told to stop at once may miss the SIGINT and run its whole -d3600s)
[[ $CORPUS_DASHBOARDS -gt 0 ]] && creates "create corpus dashboards (5-100 KB, round robin), POST" "$CORPUS_DASHBOARDS" c "${CORPUS_TEMPLATES[@]}"

# --- search over everything stored: title substrings and tags of the corpus
: >"$WORK/search.txt"
for f in "$CORPUS_DIR"/*.json; do
  word=$(jq -r '.title' "$f" | tr -c 'A-Za-z\n' ' ' | awk '{print $NF}')
  echo "/api/v1/environments/default/dashboards?query=$word" >>"$WORK/search.txt"
  jq -r '.tags[]?' "$f" | head -1 | sed 's|^|/api/v1/environments/default/dashboards?tag=|' >>"$WORK/search.txt"
done
TOTAL=$(curl -fsS -H "$AUTH" "$API/dashboards?perPage=1" | jq .total)
"${WRK[@]}" -d5s -H "$AUTH" -s "$ROOT/bench/paths.lua" "$API/dashboards" -- "$WORK/search.txt" >/dev/null
row "search ($(wc -l <"$WORK/search.txt") title/tag queries) over $TOTAL stored dashboards" \
  "$("${WRK[@]}" -d"$DURATION" -H "$AUTH" -s "$ROOT/bench/paths.lua" "$API/dashboards" -- "$WORK/search.txt" | figures)"
row "GET seed dashboard, Dashplane, $TOTAL stored" \
  "$("${WRK[@]}" -d"$DURATION" -H "$AUTH" "$API/dashboards/$SEED_UID" | figures)"

SERVER_JVM=$(tr '\0' ' ' <"/proc/$SERVER_PID/cmdline" | sed 's/^java //; s/ -jar .*//')
SERVER_ARENAS=$(tr '\0' '\n' <"/proc/$SERVER_PID/environ" | sed -n 's/^MALLOC_ARENA_MAX=/MALLOC_ARENA_MAX=/p')
RSS=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$SERVER_PID/status")
HWM=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$SERVER_PID/status")
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
BATCHES=$(grep -o '[0-9]* write transactions were made durable by [0-9]* commits[a-zA-Z0-9 ]*' "$WORK/server.log" || true)
LOCK=$(grep -o 'write lock held [0-9]* ms for the writers. work and [0-9]* ms for commits' "$WORK/server.log" || true)

echo
echo "Dashplane server benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, wrk -t$THREADS -c$CONNECTIONS, server (./dashplane serve): $SERVER_JVM $SERVER_ARENAS"
echo
echo "| what | req/s | p50 (ms) | p99 (ms) | load |"
echo "|---|---:|---:|---:|---:|"
for r in "${ROWS[@]}"; do echo "| ${r//|/ | } |"; done
echo
echo "server RSS holding $TOTAL dashboards: ${RSS} MB (peak ${HWM} MB)"
echo "group commit: ${BATCHES:-n/a}; ${LOCK:-}"
