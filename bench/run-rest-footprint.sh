#!/usr/bin/env bash
# Issue #7, items 3 and 6: REST latency and footprint of PMO Flow against a bare Camunda engine application
# (bench.bare.BareEngineApplication, src/test/java/bench/bare), side by side in the same run, on H2 and PostgreSQL.
# Writes bench/results/rest-latency.{json,md} and bench/results/footprint.{json,md}. Not part of 'mvn verify'.
#
#   bash bench/run-rest-footprint.sh                          # both benchmarks, H2 and PostgreSQL
#   BENCHES=rest DATABASES=h2 RUNS=1 DURATION=10 bash bench/run-rest-footprint.sh
#
# Environment (defaults in brackets):
#   BENCHES     which benchmarks: "rest footprint" [both]
#   DATABASES   "h2 postgres" [both]; PostgreSQL on PG_HOST:PG_PORT as PG_USER [127.0.0.1:5432, postgres,
#               no password] — the databases pmo_bench_rest, pmo_bench_bare, pmo_bench_fp_pmo, pmo_bench_fp_bare are
#               created and dropped by the benchmark
#   JVM_FLAGS   flags of both applications' JVMs ["-Xmx1g"]
#   RUNS        REST latency runs [3]; CLIENTS [8]; WARMUP and DURATION seconds per figure [10, 30]
#   STARTS      footprint starts per application and database on the migrated database [7: with 3 the medians moved by 0.1-0.3 between reruns]; SETTLE seconds
#               between readiness and the RSS reading [5]
#   PMO_ARGS, BARE_ARGS   extra Spring arguments for one application (tuning experiments)
#   OUT         results directory [bench/results]; SKIP_BUILD=1 reuses target/ as built
#
# The applications run as `java $JVM_FLAGS -cp <classpath> <main>` (exploded classes, the same way for both):
#   PMO Flow     target/classes + its runtime dependencies
#   bare engine  its own classes and bare.yaml (copied to target/bench/bare-classes) + the same runtime jars less
#                what only PMO Flow adds (Spin, Flyway, mail, springdoc/Swagger, Prometheus): the Camunda webapp and
#                REST starters, actuator, the JDBC drivers, at the very versions PMO Flow resolves
set -euo pipefail
cd "$(dirname "$0")/.."

BENCHES=${BENCHES:-"rest footprint"}
DATABASES=${DATABASES:-"h2 postgres"}
JVM_FLAGS=${JVM_FLAGS:-"-Xmx1g"}
RUNS=${RUNS:-3}
CLIENTS=${CLIENTS:-8}
WARMUP=${WARMUP:-10}
DURATION=${DURATION:-30}
STARTS=${STARTS:-7}
SETTLE=${SETTLE:-5}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
OUT=${OUT:-bench/results}
WORK=target/bench

mkdir -p "$WORK" "$OUT"
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  mvn -q -B -DskipTests test-compile dependency:build-classpath -DincludeScope=runtime \
    -Dmdep.outputFile="$WORK/runtime-classpath.txt"
  mvn -q -B dependency:build-classpath -DincludeScope=test -Dmdep.outputFile="$WORK/test-classpath.txt"
fi

# the bare application: its own classes and resources only
BARE_CLASSES="$WORK/bare-classes"
rm -rf "$BARE_CLASSES"
mkdir -p "$BARE_CLASSES/bench"
cp -r target/test-classes/bench/bare "$BARE_CLASSES/bench/"
cp -r target/test-classes/bare target/test-classes/bare.yaml "$BARE_CLASSES/"
PMO_ONLY='/(camunda-engine-plugin-spin|camunda-spin-[a-z-]+|flyway-[a-z-]+|spring-boot-starter-mail|jakarta\.mail(-api)?|angus-[a-z]+|springdoc-[a-z-]+|swagger-[a-z-]+|webjars-locator-lite|micrometer-registry-prometheus|prometheus-metrics-[a-z-]+)-[0-9][^/]*\.jar$'
RUNTIME_CP=$(cat "$WORK/runtime-classpath.txt")
BARE_CP="$BARE_CLASSES:$(tr ':' '\n' <<<"$RUNTIME_CP" | grep -Ev "$PMO_ONLY" | paste -sd:)"
PMO_CP="$PWD/target/classes:$RUNTIME_CP"
HARNESS_CP="target/test-classes:target/classes:$(cat "$WORK/test-classpath.txt")"

dbs=""
for db in $DATABASES; do
  if [[ $db == postgres ]] && ! pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
    echo "PostgreSQL does not answer on $PG_HOST:$PG_PORT: skipped"
    continue
  fi
  dbs="$dbs $db"
done
[[ -n "$dbs" ]] || { echo "no database to run on"; exit 1; }

common=(--databases "${dbs# }" --jvm-flags "$JVM_FLAGS" --pmo-classpath "$PMO_CP" --bare-classpath "$BARE_CP"
  --pg-host "$PG_HOST" --pg-port "$PG_PORT" --pg-user "$PG_USER" --work-dir "$WORK"
  --pmo-args "${PMO_ARGS:-}" --bare-args "${BARE_ARGS:-}")
envs="DATABASES=\"${dbs# }\" JVM_FLAGS=\"$JVM_FLAGS\"${PMO_ARGS:+ PMO_ARGS=\"$PMO_ARGS\"}${BARE_ARGS:+ BARE_ARGS=\"$BARE_ARGS\"}"

if [[ " $BENCHES " == *" rest "* ]]; then
  java -Xmx512m -cp "$HARNESS_CP" io.pmoflow.bench.RestLatencyBenchmark "${common[@]}" \
    --runs "$RUNS" --clients "$CLIENTS" --warmup "$WARMUP" --duration "$DURATION" \
    --out-json "$OUT/rest-latency.json" --out-md "$OUT/rest-latency.md" \
    --command "BENCHES=rest $envs RUNS=$RUNS CLIENTS=$CLIENTS WARMUP=$WARMUP DURATION=$DURATION bash bench/run-rest-footprint.sh"
fi
if [[ " $BENCHES " == *" footprint "* ]]; then
  java -Xmx512m -cp "$HARNESS_CP" io.pmoflow.bench.FootprintBenchmark "${common[@]}" \
    --starts "$STARTS" --settle "$SETTLE" \
    --out-json "$OUT/footprint.json" --out-md "$OUT/footprint.md" \
    --command "BENCHES=footprint $envs STARTS=$STARTS SETTLE=$SETTLE bash bench/run-rest-footprint.sh"
fi
