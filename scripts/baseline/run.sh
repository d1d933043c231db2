#!/usr/bin/env bash
# The hand-written baseline a provincial IT shop would write: \copy the extract files into plain
# tables (schema.sql, load.sql), then the claim rules LN-01..04 and NAT-01..07 as plain SQL
# (claim-rules.sql). No validation, no rejects, no alerts, no outputs.
#
#   scripts/baseline/run.sh PGURL DATADIR ASOF
#     PGURL    a libpq URL, e.g. postgresql://postgres@localhost:5432/fundguard
#     DATADIR  an extract folder (the seven CSV files of extracts.md)
#     ASOF     the as-of date, yyyy-MM-dd
#
# Drops and recreates the schema "baseline" in that database (nothing else is touched).
# Prints to standard output one line per phase, "baseline <phase> <seconds> ...":
#   load-copy, load-index, load-vacuum-analyze (from load.sql), load (wall time of load.sql),
#   rule-<code> (one per rule, with its flagged count), rules (wall time of claim-rules.sql),
#   total (schema + load + rules).
# psql's own output (with \timing of every statement) goes to $BASELINE_LOG
# (default ${TMPDIR:-/tmp}/fundguard-baseline.log). Needs bash and psql.
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: $0 PGURL DATADIR ASOF" >&2
  exit 2
fi
url="$1" data="$2" asof="$3"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="$(cd "$data" && pwd)"
log="${BASELINE_LOG:-${TMPDIR:-/tmp}/fundguard-baseline.log}"
for f in employers contributions claims subsidies certificates registrations medical; do
  [[ -f "$data/$f.csv" ]] || { echo "baseline: $data/$f.csv is missing" >&2; exit 2; }
done
[[ "$asof" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || { echo "baseline: as-of must be yyyy-MM-dd" >&2; exit 2; }

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
# run_psql FILE ARGS...: runs one script, its output appended to the log; echoes its "baseline" lines
run_psql() {
  local file="$1"; shift
  psql "$url" -X -q -v ON_ERROR_STOP=1 "$@" -f "$here/$file" >> "$log" 2>&1 || {
    echo "baseline: $file failed, see $log" >&2; tail -5 "$log" >&2; exit 1; }
  local lines
  lines="$(grep '^baseline ' "$log" || true)"
  if [[ -n "$lines" ]]; then
    tail -n +"$((seen + 1))" <<< "$lines"
    seen=$(wc -l <<< "$lines")
  fi
}

export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
: > "$log"
seen=0
t0=$(now)
run_psql schema.sql
t1=$(now)
run_psql load.sql -v datadir="$data"
t2=$(now)
echo "baseline load $(secs "$t1" "$t2")"
run_psql claim-rules.sql -v asof="$asof"
t3=$(now)
echo "baseline rules $(secs "$t2" "$t3")"
echo "baseline total $(secs "$t0" "$t3")"
