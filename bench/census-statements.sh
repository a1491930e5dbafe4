#!/usr/bin/env bash
# Diagnostic for issue #7 items 3 and 6 (bench/results/rest-footprint-notes.md): which SQL statements one REST call
# sends, PMO Flow against the bare engine, counted from PostgreSQL's statement log (log_statement=all, set on two
# databases of its own only, created and dropped here). Builds nothing: run bench/run-rest-footprint.sh once first
# (it leaves the class paths in target/bench). Prints a table of statements per call and per table.
set -euo pipefail
cd "$(dirname "$0")/.."
W=$PWD/target/bench
PG_HOST=${PG_HOST:-127.0.0.1} PG_PORT=${PG_PORT:-5432} PG_USER=${PG_USER:-postgres}
LOG=${PG_LOG:-/var/log/postgresql/postgresql-15-main.log}
PMO_DB=pmo_bench_census BARE_DB=pmo_bench_census_bare
ADMIN_PW=bench-Admin-7f3
psqlc() { psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$@"; }
for db in $PMO_DB $BARE_DB; do
  psqlc -c "drop database if exists $db with (force)" -c "create database $db" -c "alter database $db set log_statement = 'all'"
done
RUNTIME_CP=$(cat "$W/runtime-classpath.txt")
PMO_ONLY='/(camunda-engine-plugin-spin|camunda-spin-[a-z-]+|flyway-[a-z-]+|spring-boot-starter-mail|jakarta\.mail(-api)?|angus-[a-z]+|springdoc-[a-z-]+|swagger-[a-z-]+|webjars-locator-lite|micrometer-registry-prometheus|prometheus-metrics-[a-z-]+)-[0-9][^/]*\.jar$'
BARE_CP="$W/bare-classes:$(tr ':' '\n' <<<"$RUNTIME_CP" | grep -Ev "$PMO_ONLY" | paste -sd:)"
PMO_PORT=28190 BARE_PORT=28191
PMO_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PMO_DB" PMO_DB_USER=$PG_USER PMO_DB_PASSWORD= PMO_ADMIN_PASSWORD=$ADMIN_PW \
  java -Xmx1g -cp "$PWD/target/classes:$RUNTIME_CP" io.pmoflow.PmoFlowApplication --server.port=$PMO_PORT \
  --spring.profiles.active=postgres --pmo.demo-data=true > "$W/census-pmo.log" 2>&1 &
PMO_PID=$!
java -Xmx1g -cp "$BARE_CP" bench.bare.BareEngineApplication --server.port=$BARE_PORT \
  --spring.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$BARE_DB" --spring.datasource.username=$PG_USER \
  > "$W/census-bare.log" 2>&1 &
BARE_PID=$!
cleanup() {
  kill $PMO_PID $BARE_PID 2>/dev/null || true
  wait $PMO_PID $BARE_PID 2>/dev/null || true
  for db in $PMO_DB $BARE_DB; do psqlc -c "drop database if exists $db with (force)" || true; done
}
trap cleanup EXIT
for port in $PMO_PORT $BARE_PORT; do
  until curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do sleep 1; done
done
INTAKE='{"variables":{"projectName":{"value":"Census request","type":"String"},"description":{"value":"Consolidate the census","type":"String"},"businessUnit":{"value":"Finance","type":"String"},"sponsor":{"value":"sam.sponsor","type":"String"},"estimatedBudget":{"value":80000.0,"type":"Double"},"strategicAlignment":{"value":4,"type":"Long"},"complexity":{"value":"MEDIUM","type":"String"},"riskLevel":{"value":"LOW","type":"String"},"crossDepartmental":{"value":false,"type":"Boolean"},"regulatory":{"value":false,"type":"Boolean"},"requestedStart":{"value":"2027-02-01","type":"String"},"requestedEnd":{"value":"2027-09-30","type":"String"}}}'
SUBMIT='{"variables":{"decision":{"value":"APPROVED","type":"String"},"decisionComment":{"value":"Fits the portfolio","type":"String"}}}'
P="http://127.0.0.1:$PMO_PORT/engine-rest"
B="http://127.0.0.1:$BARE_PORT/engine-rest"
post() { curl -sf -o /dev/null -u "$1" -H 'Content-Type: application/json' -d "$3" "$2"; }
task() { curl -sf -u admin:$ADMIN_PW "$P/task?taskDefinitionKey=Task_ScreenRequest&unassigned=true&maxResults=1" | sed -E 's/^\[\{"id":"([^"]+)".*/\1/'; }
# warm-up: caches (definitions, DMN, forms), prepared statements
for i in 1 2 3; do
  post rae.requester:demo "$P/process-definition/key/projectIntake/start" "$INTAKE"
  id=$(task); post pat.pmo:demo "$P/task/$id/claim" '{"userId":"pat.pmo"}'; post pat.pmo:demo "$P/task/$id/submit-form" "$SUBMIT"
  post benchuser:demo "$B/process-definition/key/bareProcess/start" '{}'
done
post rae.requester:demo "$P/process-definition/key/projectIntake/start" "$INTAKE"
id=$(task)
sleep 8
mark() { stat -c %s "$LOG"; }
m0=$(mark); post rae.requester:demo "$P/process-definition/key/projectIntake/start" "$INTAKE"; sleep 1
m1=$(mark); post pat.pmo:demo "$P/task/$id/claim" '{"userId":"pat.pmo"}'; sleep 1
m2=$(mark); post pat.pmo:demo "$P/task/$id/submit-form" "$SUBMIT"; sleep 8
m3=$(mark); post benchuser:demo "$B/process-definition/key/bareProcess/start" '{}'; sleep 1
m4=$(mark); post benchuser:demo "$B/process-definition/key/bareProcess/start" "$INTAKE"; sleep 1
m5=$(mark)
window() { # from to db
  tail -c +$(($1 + 1)) "$LOG" | head -c $(($2 - $1)) | grep -E "@$3 LOG:  (statement|execute [^:]*):" \
    | sed -E 's/.*LOG:  (statement|execute [^:]*): //' \
    | grep -viE 'LOCK_EXP_TIME_|from pmo_notification n|^(BEGIN|COMMIT|ROLLBACK|SET |SHOW |select 1$)' || true
}
summary() { # label statements-on-stdin
  local all; all=$(cat)
  printf '%-34s %4d statements:' "$1" "$(grep -c . <<<"$all" || true)"
  grep -oiE '^(insert into|update|delete from|select .*? from) +[a-z_]+' <<<"$all" | sed -E 's/^(insert into|update|delete from) +/\1 /I; s/^select .* from +/select /I' \
    | awk '{t=tolower($NF); k=tolower($1); c[k" "t]++} END {for (x in c) printf " %s×%d", x, c[x]}' | tr ' ' '\n' | paste -sd' ' | fold -w 2000
  echo
}
echo "PostgreSQL statements per call (log_statement=all; job acquisition and the mail dispatcher's polls left out)"
window $m0 $m1 $PMO_DB | summary "PMO Flow start (projectIntake)"
window $m1 $m2 $PMO_DB | summary "PMO Flow claim"
window $m2 $m3 $PMO_DB | summary "PMO Flow submit-form + async job"
window $m3 $m4 $BARE_DB | summary "bare start"
window $m4 $m5 $BARE_DB | summary "bare start, 12 intake variables"
if [[ -n "${SHOW:-}" ]]; then window $m0 $m1 $PMO_DB; echo ----; window $m3 $m4 $BARE_DB; fi
