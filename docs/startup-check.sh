#!/usr/bin/env bash
# Checks that the class archives change nothing but time: renders every example (to a directory and to standard
# output) and validates them all, on JDK 17 and JDK 25, with and without the archive, and through bin/spark-gen,
# and compares every byte (files, standard output, standard error, exit code) with plain `java -jar` on JDK 17.
# Run after `mvn package`: it makes both archives first (packaging/train). Exits 1 at the first difference.
#
#   docs/startup-check.sh [JDK25_HOME]      (default: the newest JDK 25 or later, packaging/find-jdk)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
jar="$PWD/target/spark-gen.jar"
jdk25="${1:-$(packaging/find-jdk 25 || true)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

packaging/train "$(readlink -f "$(command -v java)")" "$jar" target/spark-gen.jsa
[ ! -x "$jdk25/bin/java" ] || packaging/train "$(readlink -f "$jdk25/bin/java")" "$jar" target/spark-gen.aot

fast=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xlog:disable -Xlog:all=warning:stderr)
declare -A ways=(
  [jdk17-plain]="java -jar $jar"
  [jdk17-cds]="java ${fast[*]} -XX:SharedArchiveFile=$PWD/target/spark-gen.jsa -Xshare:on -jar $jar"
  [launcher]="bin/spark-gen"
)
if [ -x "$jdk25/bin/java" ]; then
  ways[jdk25-plain]="$jdk25/bin/java -jar $jar"
  ways[jdk25-aot]="$jdk25/bin/java ${fast[*]} -XX:AOTCache=$PWD/target/spark-gen.aot -XX:AOTMode=on -jar $jar"
fi

run() { # WAY: every command's outputs under $work/WAY
  local way="$1" dir="$work/$1" n=0
  mkdir -p "$dir"
  for job in examples/*.yaml; do
    local name; name="$(basename "$job" .yaml)"
    for args in "render $job -o $dir/out/$name" "render $job -o -" "validate $job"; do
      n=$((n + 1))
      # shellcheck disable=SC2086 # the way and the args are word lists
      ${ways[$way]} $args >"$dir/$n.out" 2>"$dir/$n.err" && echo 0 >"$dir/$n.rc" || echo $? >"$dir/$n.rc"
      sed -i "s|$dir|DIR|g" "$dir/$n.err"
    done
  done
  ${ways[$way]} validate --format json examples >"$dir/all.json" 2>&1 || true
}

for way in "${!ways[@]}"; do run "$way"; done
for way in "${!ways[@]}"; do
  [ "$way" = jdk17-plain ] && continue
  if ! diff -r "$work/jdk17-plain" "$work/$way" >"$work/diff.txt"; then
    echo "startup-check: $way differs from jdk17-plain:" >&2
    head -40 "$work/diff.txt" >&2
    exit 1
  fi
  echo "startup-check: $way: byte-identical to jdk17-plain ($(find "$work/$way" -type f | wc -l) files)"
done
