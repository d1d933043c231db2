# Shared by the benchmark scripts: build, data generation, an embedded PostgreSQL server, and
# timed runs of the real command. Sourced, not run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/target/bench"
mkdir -p "$BENCH"

bench_build() {
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package && ./mvnw -B -q test-compile \
    && ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$BENCH/cp.txt") >&2
}

# bench_generate DIR ARGS...: generates once per distinct argument list (cached by a stamp file).
bench_generate() {
  local dir="$1"; shift
  local stamp="$dir/.generated-with"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$*" ]]; then
    echo "bench: reusing $dir" >&2
    return
  fi
  rm -rf "$dir"
  local t0=$SECONDS
  java -Xmx512m -jar "$ROOT/target/fundguard.jar" generate --out "$dir" "$@" >&2
  echo "$*" > "$stamp"
  echo "bench: generated $dir in $((SECONDS - t0)) s" >&2
}

# bench_postgres_start: starts the embedded server, sets PG_URL and PG_PID.
bench_postgres_start() {
  local urlfile="$BENCH/pg-url.txt"
  rm -f "$urlfile"
  mkfifo "$BENCH/pg-stdin.$$" 2>/dev/null || true
  java -cp "$ROOT/target/test-classes:$(cat "$BENCH/cp.txt")" org.fundguard.bench.EmbeddedPostgresServer \
    "$urlfile" "$BENCH/pgdata" < "$BENCH/pg-stdin.$$" > "$BENCH/pg.log" 2>&1 &
  PG_PID=$!
  exec 9> "$BENCH/pg-stdin.$$"   # keeps the server's stdin open until the script ends
  for _ in $(seq 1 120); do
    [[ -s "$urlfile" ]] && break
    sleep 1
  done
  PG_URL="$(cat "$urlfile")"
  trap bench_postgres_stop EXIT
}

bench_postgres_stop() {
  exec 9>&- 2>/dev/null || true
  wait "${PG_PID:-}" 2>/dev/null || true
  rm -f "$BENCH"/pg-stdin.* 
}

# bench_run LOG DB_URL ARGS...: runs the real command, timed; its output (with the step
# timings and the peak heap it reports) goes to LOG, the wall time is appended.
bench_run() {
  local log="$1" url="$2"; shift 2
  local user=sa
  [[ "$url" == jdbc:postgresql* ]] && user=postgres
  local t0 t1
  t0=$(date +%s.%N)
  env SPRING_DATASOURCE_URL="$url" SPRING_DATASOURCE_USERNAME="$user" SPRING_DATASOURCE_PASSWORD= \
    java ${BENCH_JAVA_OPTS:--Xmx1g} -jar "$ROOT/target/fundguard.jar" "$@" > "$log" 2>&1 || {
      echo "bench: run failed, see $log" >&2; tail -5 "$log" >&2; return 1; }
  t1=$(date +%s.%N)
  echo "wall $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s" >> "$log"
}

machine() {
  echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
}
