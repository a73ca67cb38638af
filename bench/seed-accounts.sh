#!/usr/bin/env bash
# Seeds COUNT accounts (default 1,000,000) for benchmarks at scale: bench-1@example.com ...
# bench-COUNT@example.com, e-mail verified, all with the password BENCH_PASSWORD (default: the one
# bench/run.sh logs in with), one Argon2id hash shared by all. The database is the service's:
# PORTCULLIS_DATABASE_URL, _USER, _PASSWORD (default: the embedded H2 file ./data/portcullis); it is
# migrated first, as at a start. Accounts already there are skipped. Needs a JDK 21+ (JAVA_HOME,
# or java on PATH); builds the jar if it is missing.
#
#   bench/seed-accounts.sh [count]
#   PORTCULLIS_DATABASE_URL=jdbc:postgresql://localhost/portcullis PORTCULLIS_DATABASE_USER=portcullis \
#     PORTCULLIS_DATABASE_PASSWORD=... bench/seed-accounts.sh 1000000
set -euo pipefail
cd "$(dirname "$0")/.."

count=${1:-1000000}
jar=bootstrap/target/portcullis.jar
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
exec "$java" -cp "$jar" bench/SeedAccounts.java "$count"
