#!/usr/bin/env bash
# Portfolio scale benchmark (issue #5, docs/benchmarks.md): seeds 1,000 and 100,000 projects into an H2 file
# database and, when it answers on 127.0.0.1:5432, into PostgreSQL database 'pmo_bench' (dropped and created
# here, dropped again at the end), then times the portfolio calls over HTTP against each. Results are appended
# to target/bench/portfolio-results.md. Not part of 'mvn verify'.
#
#   bash tools/bench-portfolio.sh                         # both sizes, H2 and PostgreSQL if there
#   SIZES="100000" CALLS=200 DATABASES=h2 bash tools/bench-portfolio.sh
set -euo pipefail

cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000 100000"}
CALLS=${CALLS:-100}
WARMUP=${WARMUP:-20}
DATABASES=${DATABASES:-"h2 postgres"}
PG_HOST=127.0.0.1
PG_PORT=5432
PG_USER=postgres
PG_DB=pmo_bench
OUT=target/bench/portfolio-results.md

mkdir -p target/bench
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench/classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench/classpath.txt)"

{
  echo
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, ${CALLS} calls after ${WARMUP} warm-up calls"
  echo
  echo "| database | projects | call | calls | p50 ms | p95 ms | mean ms | max ms |"
  echo "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |"
} >> "$OUT"

bench() { # label url
  java -Xmx2g -cp "$CP" io.pmoflow.bench.PortfolioBenchmark --label "$1" --url "$2" --calls "$CALLS" \
    --warmup "$WARMUP" --out "$OUT"
}

for size in $SIZES; do
  if [[ " $DATABASES " == *" h2 "* ]]; then
    db="$PWD/target/bench/h2-$size"
    rm -f "$db".mv.db "$db".trace.db
    java -Xmx2g -cp "$CP" io.pmoflow.bench.PortfolioSeed --url "jdbc:h2:file:$db" --projects "$size"
    bench "H2" "jdbc:h2:file:$db"
  fi
  if [[ " $DATABASES " == *" postgres "* ]]; then
    if pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
      psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -c "drop database if exists $PG_DB" -c "create database $PG_DB"
      url="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB?reWriteBatchedInserts=true"
      java -Xmx2g -cp "$CP" io.pmoflow.bench.PortfolioSeed --url "$url" --projects "$size"
      psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -c "analyze"
      bench "PostgreSQL" "$url"
      psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -c "drop database $PG_DB"
    else
      echo "PostgreSQL does not answer on $PG_HOST:$PG_PORT: skipped"
    fi
  fi
done
echo "Results: $OUT"
