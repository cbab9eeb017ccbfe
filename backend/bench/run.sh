#!/usr/bin/env bash
# The Finlens benchmark, in one command from the repository root:
#   backend/bench/run.sh                          # every scenario, 3 runs each (about 15 minutes on 2 cores)
#   backend/bench/run.sh -Dbench.runs=1 -Dbench.scenarios=gets
# Builds the jar and the benchmark classes (backend/src/test/java/com/finlens/bench), installs wrk from Debian if it
# is missing, then starts a bare Vert.x hello and Finlens on its embedded defaults and prints one table (also
# written to backend/target/bench/benchmarks.md). It asserts nothing; ./mvnw verify does not run it.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v wrk >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends wrk
fi
./mvnw -q -B -pl backend -am package -DskipTests
exec java -cp backend/target/test-classes:backend/target/finlens.jar "$@" com.finlens.bench.Bench
