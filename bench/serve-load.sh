#!/usr/bin/env bash
# The service benchmark (issue 12): Lamina's server on Helidon and on Javalin, its Java2D handler,
# and the sharp service (bench/node/serve.js, installed by bench/install-peers.sh) under the
# open-model load generator, each server a process of its own, all on this machine over loopback.
# Writes bench/report/serve/{service.md,results.json,service-heatmap.png}.
#   flock /work/bench.lock bench/serve-load.sh [--step SECONDS] [--warmup SECONDS] [--rates 50,100,...] [--targets lamina,sharp,...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bin/jdk25.sh"
cd "$root"
./mvnw -q -B package -DskipTests -pl lamina-bench -am >&2
exec "$JAVA_HOME/bin/java" -cp "lamina-bench/target/lamina-bench.jar:lamina-bench/target/lib/*" \
  dev.lamina.bench.serve.ServiceBench "$@"
