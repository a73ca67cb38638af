#!/usr/bin/env bash
# Measures the HTTP stack's ceiling (liveness probe), an authenticated GET of the user endpoint,
# and login, against the built jar on an embedded H2 database. Needs wrk (apt-get install wrk).
#
#   bench/run.sh [duration-seconds] [connections]
#
# Prints a Markdown table and writes it to bench/results/<UTC timestamp>.md.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${1:-20}
connections=${2:-32}
jar=bootstrap/target/portcullis.jar

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
export PORTCULLIS_CONFIG=docs/examples/article.properties
export PORTCULLIS_HTTP_HOST=127.0.0.1
export PORTCULLIS_HTTP_PORT=$port
export PORTCULLIS_DATABASE_URL="jdbc:h2:file:$work/db"
export PORTCULLIS_JWT_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n')

java ${BENCH_JAVA_OPTS:-} -jar "$jar" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT

for _ in $(seq 1 100); do
  curl -fs "$base/health/ready" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "$base/health/ready" >/dev/null || { cat "$work/server.log"; exit 1; }

password='Xq7!vLp2#Rt9'
body="{\"email\":\"bench@example.com\",\"password1\":\"$password\",\"password2\":\"$password\",\"gender\":\"F\",\"phone_number\":\"+15550001111\"}"
curl -fs -H 'Content-Type: application/json' -d "$body" "$base/auth/registration/" >/dev/null
login="{\"email\":\"bench@example.com\",\"password\":\"$password\"}"
access=$(curl -fs -H 'Content-Type: application/json' -d "$login" "$base/auth/login/" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access"])')

cat >"$work/login.lua" <<LUA
wrk.method = "POST"
wrk.body = '$login'
wrk.headers["Content-Type"] = "application/json"
LUA

run() { # name, then wrk arguments
  local name=$1; shift
  wrk -t2 -c"$connections" -d"${duration}s" --latency "$@" >"$work/$name.txt"
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/$name.txt")
  p50=$(awk '$1=="50%" {print $2}' "$work/$name.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/$name.txt")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$work/$name.txt")
  printf '| %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "${non2xx:-0}"
}

# Warm the JIT before measuring.
wrk -t2 -c8 -d5s -H "Authorization: Bearer $access" "$base/auth/user/" >/dev/null

mkdir -p bench/results
out="bench/results/$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "# Benchmark $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(uname -sr); $(java -version 2>&1 | head -n 1)."
  echo "wrk: 2 threads, $connections connections, ${duration} s per row, after a 5 s warm-up."
  echo
  echo "| endpoint | requests/s | p50 | p99 | non-2xx |"
  echo "|---|---|---|---|---|"
  run "GET /health/live (HTTP ceiling)" "$base/health/live"
  run "GET /auth/user/ (Bearer JWT)" -H "Authorization: Bearer $access" "$base/auth/user/"
  run "POST /auth/login/ (Argon2id)" -s "$work/login.lua" "$base/auth/login/"
} | tee "$out"
