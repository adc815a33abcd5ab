#!/usr/bin/env bash
# Whole-process start-up timing. Runs each command RUNS times, interleaved (one run of each in turn, so that a
# busy moment on the machine costs every command alike), after one warm-up run each that fills the page cache,
# and prints per command the median and the minimum wall time and the median CPU time (user + system), in s.
# Output of the commands goes to /dev/null.
#
#   docs/startup-measure.sh [-n RUNS] 'LABEL=COMMAND' ...
#   docs/startup-measure.sh -n 11 'plain=java -jar target/spark-gen.jar --version' 'launcher=bin/spark-gen --version'
#
# "Cold" means a new JVM each run, as in a pre-commit hook; the files it reads are in the page cache.
# On a shared machine, `nice -n -15 docs/startup-measure.sh ...` (as root) keeps neighbours from skewing it.
set -euo pipefail
runs=11
if [ "${1:-}" = -n ]; then runs="$2"; shift 2; fi
[ $# -gt 0 ] || { echo "usage: $0 [-n RUNS] 'LABEL=COMMAND' ..." >&2; exit 2; }

labels=()
declare -A command walls cpus
for spec in "$@"; do
  label="${spec%%=*}"
  labels+=("$label")
  command[$label]="${spec#*=}"
  bash -c "${command[$label]}" >/dev/null 2>&1 || true
done
TIMEFORMAT='%R %U %S'
for ((i = 0; i < runs; i++)); do
  for label in "${labels[@]}"; do
    t=$( { time bash -c "${command[$label]}" >/dev/null 2>&1; } 2>&1 ) || true
    read -r real user sys <<<"$t"
    walls[$label]+="$real "
    cpus[$label]+="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", u + s }') "
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : sprintf("%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
least() { tr ' ' '\n' | grep . | sort -n | head -1; }
printf '%-28s %8s %8s %8s\n' "" "median" "min" "cpu"
for label in "${labels[@]}"; do
  printf '%-28s %8s %8s %8s\n' "$label" "$(median <<<"${walls[$label]}")" "$(least <<<"${walls[$label]}")" \
    "$(median <<<"${cpus[$label]}")"
done
