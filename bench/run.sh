#!/usr/bin/env bash
# Measures the HTTP stack's ceiling (liveness probe), an authenticated GET of the user endpoint,
# and login (Argon2id), against the built jar on an embedded H2 database, for one HTTP container
# or for each in turn. Needs wrk (apt-get install wrk) and a JDK 21+ (JAVA_HOME, or java on PATH).
#
#   bench/run.sh [--container grizzly|jetty|all] [duration-seconds] [connections]
#
# The container may also come from BENCH_CONTAINER; the default is all (grizzly, then jetty).
# BENCH_WARMUP sets the warm-up before each row (default 5 s); BENCH_JAVA_OPTS goes to the JVM.
# BENCH_DATABASE_URL runs against an existing database (for instance one filled by
# bench/seed-accounts.sh) instead of a fresh embedded one.
# Prints Markdown tables and writes them to bench/results/<UTC timestamp>.md.
set -euo pipefail
cd "$(dirname "$0")/.."

containers=${BENCH_CONTAINER:-all}
if [ "${1:-}" = "--container" ]; then
  containers=${2:?--container needs grizzly, jetty or all}
  shift 2
fi
case "$containers" in
  all) containers="grizzly jetty" ;;
  grizzly | jetty) ;;
  *) echo "unknown container '$containers': grizzly, jetty or all" >&2; exit 2 ;;
esac
duration=${1:-20}
connections=${2:-32}
warmup=${BENCH_WARMUP:-5}
jar=bootstrap/target/portcullis.jar
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package

work=$(mktemp -d)
server=
stop_server() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    server=
  fi
}
trap 'stop_server; rm -rf "$work"' EXIT

password='Xq7!vLp2#Rt9'
login="{\"email\":\"bench@example.com\",\"password\":\"$password\"}"
cat >"$work/login.lua" <<LUA
wrk.method = "POST"
wrk.body = '$login'
wrk.headers["Content-Type"] = "application/json"
LUA

row() { # name, then wrk arguments: warm up, then measure
  local name=$1; shift
  wrk -t2 -c"$connections" -d"${warmup}s" --timeout 10s "$@" >/dev/null
  wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s --latency "$@" >"$work/row.txt"
  local rps p50 p99 non2xx errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/row.txt")
  p50=$(awk '$1=="50%" {print $2}' "$work/row.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/row.txt")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$work/row.txt")
  errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$work/row.txt")
  printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "${non2xx:-0}" "${errors:-0}"
}

bench_container() { # container
  local container=$1 port base access
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  base="http://127.0.0.1:$port"
  rm -rf "$work/db"
  local database=${BENCH_DATABASE_URL:-jdbc:h2:file:$work/db/portcullis}
  # The article's set-up (profile fields), with the API at /auth.
  PORTCULLIS_CONFIG=docs/examples/article.properties \
  PORTCULLIS_HTTP_BASE_PATH=/auth \
  PORTCULLIS_HTTP_CONTAINER=$container \
  PORTCULLIS_HTTP_HOST=127.0.0.1 \
  PORTCULLIS_HTTP_PORT=$port \
  PORTCULLIS_DATABASE_URL="$database" \
  PORTCULLIS_JWT_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n') \
    "$java" ${BENCH_JAVA_OPTS:-} -jar "$jar" >"$work/server-$container.log" 2>&1 &
  server=$!

  for _ in $(seq 1 150); do
    curl -fs "$base/health/ready" >/dev/null 2>&1 && break
    sleep 0.2
  done
  curl -fs "$base/health/ready" >/dev/null || { cat "$work/server-$container.log" >&2; exit 1; }

  local body="{\"email\":\"bench@example.com\",\"password1\":\"$password\",\"password2\":\"$password\",\"gender\":\"F\",\"phone_number\":\"+15550001111\"}"
  # On a reused database the account may exist already; the login below is what must work.
  curl -s -H 'Content-Type: application/json' -d "$body" "$base/auth/registration/" >/dev/null
  access=$(curl -fs -H 'Content-Type: application/json' -d "$login" "$base/auth/login/" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access"])')

  echo "## $container"
  echo
  echo "| endpoint | requests/s | p50 | p99 | non-2xx | socket errors |"
  echo "|---|---|---|---|---|---|"
  row "GET /health/live (HTTP ceiling)" "$base/health/live"
  row "GET /auth/user/ (Bearer JWT)" -H "Authorization: Bearer $access" "$base/auth/user/"
  row "POST /auth/login/ (Argon2id)" -s "$work/login.lua" "$base/auth/login/"
  echo
  stop_server
}

report() {
  trap stop_server EXIT # runs in the pipeline's subshell, where the server variable lives
  echo "# Benchmark $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(uname -sr); $("$java" -version 2>&1 | head -n 1)."
  echo "wrk: 2 threads, $connections connections, ${duration} s per row, each after a ${warmup} s warm-up of the same row,"
  echo "10 s request timeout (a slower answer counts as a socket error);"
  echo "server and wrk share the machine. Embedded H2 (file), Argon2id m=19 MiB t=2 p=1."
  echo
  for container in $containers; do
    bench_container "$container"
  done
}

mkdir -p bench/results
out="bench/results/$(date -u +%Y%m%dT%H%M%SZ).md"
report | tee "$out"
