#!/usr/bin/env bash
# Can a client tell known from unknown addresses by answer or by timing? Starts the built jar on a
# fresh embedded H2 database with mandatory verification and enumeration protection (the default),
# mail to files, rate limits off (the benchmark sends hundreds of requests about one address), and
# runs bench/EnumerationTiming.java against it: registration, login, reset and resend, known and
# unknown addresses alternating, ROUNDS requests each (default 300; four times as many for reset
# and resend, which are quicker). Needs a JDK 21+ (JAVA_HOME, or
# java on PATH); builds the jar if it is missing. BENCH_JAVA_OPTS goes to the server's JVM.
#
#   bench/enumeration-timing.sh [rounds] [warm-up rounds]
#
# Prints a Markdown table and writes it to bench/results/enumeration-<UTC timestamp>.md; exits 1
# when any known/unknown pair got different answers.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${1:-300}
warmup=${2:-50}
jar=bootstrap/target/portcullis.jar
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

[ -f "$jar" ] || ./mvnw -q -B -DskipTests package

work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
PORTCULLIS_HTTP_BASE_PATH=/auth \
PORTCULLIS_HTTP_HOST=127.0.0.1 \
PORTCULLIS_HTTP_PORT=$port \
PORTCULLIS_DATABASE_URL="jdbc:h2:file:$work/db/portcullis" \
PORTCULLIS_ACCOUNT_EMAIL_VERIFICATION=mandatory \
PORTCULLIS_MAIL_BACKEND=file \
PORTCULLIS_RATE_LIMITS_ENABLED=false \
PORTCULLIS_MAIL_FILE_DIR="$work/mail" \
PORTCULLIS_JWT_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n') \
  "$java" ${BENCH_JAVA_OPTS:-} -jar "$jar" >"$work/server.log" 2>&1 &
server=$!

for _ in $(seq 1 150); do
  curl -fs "$base/health/ready" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "$base/health/ready" >/dev/null || { cat "$work/server.log" >&2; exit 1; }

mkdir -p bench/results
out="bench/results/enumeration-$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "# Known and unknown addresses: answers and timing, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(uname -sr); $("$java" -version 2>&1 | head -n 1). One client, sequential"
  echo "requests over HTTP/1.1 keep-alive, known and unknown alternating; embedded H2 (file), Argon2id"
  echo "m=19 MiB t=2 p=1, mail to files through the outbox. Difference = |known - unknown| / the smaller median."
  echo
  "$java" bench/EnumerationTiming.java "$base" "$rounds" "$warmup"
} | tee "$out"
exit "${PIPESTATUS[0]}"
