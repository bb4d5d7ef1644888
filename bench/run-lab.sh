#!/usr/bin/env bash
# The benchmark lab: builds lamina-bench (and the lamina CLI when it exists), generates the inputs
# once, runs every engine as fresh processes and writes bench/results/<stamp>-<profile>.json plus
# bench/report/{index.html,benchmarks.md,charts/}.
#
#   bench/run-lab.sh [--smoke] [SCENARIO...] [--runs N] [--s3-count N]
#                    [--peers lamina,java2d,opencv,thumbnailator,scrimage,jvips,vips,imagemagick,sharp]
#
# Scenarios: s1 s2 s3 s4 p1 p2 f1. Default: all but s3
# (its full-size batch takes long: name it), 5 runs.
# --smoke: small inputs, every scenario, one counted run (CI). Absent peers are skipped with a note.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
cd "$repo"

# JAVA_HOME if it is a 25, else /usr/lib/jvm/*25*, else the java on PATH (the project's rule).
. "$repo/bin/jdk25.sh"

args=()
smoke=0
runs_given=0
for a in "$@"; do
  case $a in
    --smoke) smoke=1; args+=("$a") ;;
    --runs) runs_given=1; args+=("$a") ;;
    *) args+=("$a") ;;
  esac
done
if [ $smoke = 1 ] && [ $runs_given = 0 ]; then args+=(--runs 1); fi

# The lab measures the jars as built here. Maven downloads the peers' jars (OpenCV's is ~105 MB)
# only when they are not yet in the local repository; LAB_OFFLINE=1 forbids it.
offline=
[ "${LAB_OFFLINE:-0}" = 1 ] && offline=-o
modules=lamina-bench
if [ -d lamina-cli/src/main/java ]; then modules=lamina-cli,lamina-bench; fi
echo "run-lab: building $modules"
./mvnw -q -B $offline package -pl "$modules" -am -DskipTests

cp="lamina-bench/target/lamina-bench.jar:lamina-bench/target/lib/*"
exec "$JAVA_HOME/bin/java" -cp "$cp" dev.lamina.bench.lab.Lab --repo "$repo" "${args[@]}"
