#!/usr/bin/env bash
# The layer-stack precision table of issue 11 (docs/precision.md section 8): stacks of 2, 3 and 4
# semi-transparent soft masks and shadows drawn by Lamina, Java2D, libvips, ImageMagick and sharp
# (the native ones when installed: bench/install-peers.sh) and by 8-bit and half-float-per-step
# models, each against the float64 reference. Writes bench/report/layer-stacks.md and
# bench/report/charts/layer-stacks.png.
#   bench/layer-stacks.sh [--size 640x480] [--out bench/report]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
. "$repo/bin/jdk25.sh"
./mvnw -q -B package -pl lamina-bench -am -DskipTests
exec "$JAVA_HOME/bin/java" -Djava.awt.headless=true -cp "lamina-bench/target/lamina-bench.jar:lamina-bench/target/lib/*" \
  dev.lamina.bench.precision.LayerStackLab "$@"
