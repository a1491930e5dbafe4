#!/usr/bin/env bash
# Issue #7's benchmarks: PMO Flow against a bare Camunda engine, measured side by side, on H2 and on PostgreSQL.
# Writes machine-readable results to bench/results/*.json (and *.md), then bench/RESULTS.md from them.
# Never part of 'mvn verify'; 'mvn -Pbench verify' runs this script. About 60-90 minutes with the defaults on a
# 2-core machine; fewer runs for a quick look:
#
#   bash bench/run.sh
#   DATABASES=h2 BENCHMARKS="lifecycle tasklist" RUNS=3 LIFECYCLES=10 bash bench/run.sh
#
# PostgreSQL: 127.0.0.1:5432, trust authentication, superuser 'postgres'; the databases pmo_bench_* are dropped and
# created here. Selected and unreachable, the script stops with an error (it never skips silently).
set -euo pipefail

cd "$(dirname "$0")/.."

DATABASES=${DATABASES:-"h2 postgres"}
BENCHMARKS=${BENCHMARKS:-"lifecycle tasklist rest-footprint"}
RUNS=${RUNS:-5}
LIFECYCLES=${LIFECYCLES:-30}
PROFILE_LIFECYCLES=${PROFILE_LIFECYCLES:-30}
TIMED_LIFECYCLES=${TIMED_LIFECYCLES:-10}
WARMUP=${WARMUP:-30}
TASK_SIZES=${TASK_SIZES:-"1000,10000,100000"}
TASK_CALLS=${TASK_CALLS:-50}
PG_HOST=127.0.0.1
PG_PORT=5432
PG_USER=postgres
OUT=bench/results

mkdir -p "$OUT" target/bench
mvn -q -B -DskipTests -Dmodel-lint.skip test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench/classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench/classpath.txt)"
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
JAVA=(java -Xmx2g -Dbench.commit="$COMMIT" -cp "$CP")

recreate() { # database
  psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -v ON_ERROR_STOP=1 \
    -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"
}

selected() { [[ " $BENCHMARKS " == *" $1 "* ]]; }

for db in $DATABASES; do
  case "$db" in
    h2)
      pmo_url="jdbc:h2:mem:pmo-bench;DB_CLOSE_DELAY=-1"
      baseline_url="jdbc:h2:mem:baseline-bench;DB_CLOSE_DELAY=-1"
      tasklist_url="jdbc:h2:mem:tasklist-bench;DB_CLOSE_DELAY=-1"
      ;;
    postgres)
      if ! pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
        echo "ERROR: PostgreSQL does not answer on $PG_HOST:$PG_PORT (DATABASES=h2 measures H2 only)" >&2
        exit 1
      fi
      for name in pmo_bench_pmo pmo_bench_baseline pmo_bench_tasklist; do recreate "$name"; done
      pmo_url="jdbc:postgresql://$PG_HOST:$PG_PORT/pmo_bench_pmo"
      baseline_url="jdbc:postgresql://$PG_HOST:$PG_PORT/pmo_bench_baseline"
      tasklist_url="jdbc:postgresql://$PG_HOST:$PG_PORT/pmo_bench_tasklist"
      ;;
    *) echo "unknown database '$db' (h2, postgres)" >&2; exit 1 ;;
  esac
  if selected lifecycle; then
    "${JAVA[@]}" io.pmoflow.bench.LifecycleBenchmark --db "$db" --pmo-url "$pmo_url" --baseline-url "$baseline_url" \
      --count true --warmup "$WARMUP" --timed "$TIMED_LIFECYCLES" --out "$OUT/lifecycle-statements-$db.json"
    if [ "$db" = postgres ]; then
      for name in pmo_bench_pmo pmo_bench_baseline; do recreate "$name"; done
    fi
    # where the CPU goes: JFR execution samples, whole stacks (JFR keeps 64 frames unless told otherwise)
    "${JAVA[@]}" -XX:FlightRecorderOptions:stackdepth=1024 io.pmoflow.bench.LifecycleBenchmark --db "$db" \
      --pmo-url "$pmo_url" --baseline-url "$baseline_url" --profile true --warmup "$WARMUP" \
      --lifecycles "$PROFILE_LIFECYCLES" --out "$OUT/lifecycle-profile-$db.json"
    if [ "$db" = postgres ]; then
      for name in pmo_bench_pmo pmo_bench_baseline; do recreate "$name"; done
    fi
    "${JAVA[@]}" io.pmoflow.bench.LifecycleBenchmark --db "$db" --pmo-url "$pmo_url" --baseline-url "$baseline_url" \
      --threads 1,2 --lifecycles "$LIFECYCLES" --runs "$RUNS" --warmup "$WARMUP" --out "$OUT/lifecycle-$db.json"
  fi
  if selected tasklist; then
    "${JAVA[@]}" io.pmoflow.bench.TasklistScaleBenchmark --db "$db" --url "$tasklist_url" --sizes "$TASK_SIZES" \
      --calls "$TASK_CALLS" --warmup 20 --out "$OUT/tasklist-$db.json"
  fi
  if [ "$db" = postgres ]; then
    psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -c "DROP DATABASE IF EXISTS pmo_bench_pmo WITH (FORCE)" \
      -c "DROP DATABASE IF EXISTS pmo_bench_baseline WITH (FORCE)" -c "DROP DATABASE IF EXISTS pmo_bench_tasklist WITH (FORCE)"
  fi
done

if selected rest-footprint; then
  DATABASES="$DATABASES" bash bench/run-rest-footprint.sh
fi

"${JAVA[@]}" io.pmoflow.bench.ResultsReport "$OUT" bench/RESULTS.md
