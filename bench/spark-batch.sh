#!/usr/bin/env bash
# The Spark batch benchmark (issue 13): the lab's S3 batch, COUNT x 4096x4096 RGBA PNGs (default 12,
# the lab's generator: four distinct pictures named COUNT/4 times each through symbolic links), each
# watermarked with the lab's 1920x1080 RGBA watermark at the centre and saved as PNG level 6, by
#   lamina-batch  bin/lamina-batch on local[2] (Spark in one JVM: driver and executor)
#   lamina-1jvm   the lab's LaminaPeer: the same work through Lamina's API in one plain JVM
#   sharp         bench/node/peer.js s3, a Node loop (skipped with a note when sharp is absent:
#                 bench/install-peers.sh installs it)
# Each engine is one process; /usr/bin/time -v gives its wall time, CPU time and peak RSS (each
# engine is a single process, so that is the whole tree's peak). Run it under the bench lock:
#   flock /work/bench.lock bench/spark-batch.sh [COUNT] [--xmx 1g]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. bin/jdk25.sh
n=12
batch_opts=""
while [ $# -gt 0 ]; do
  case $1 in
    --xmx) batch_opts="-Xmx$2"; shift 2 ;;
    *) n=$1; shift ;;
  esac
done
[ -x /usr/bin/time ] || { echo "spark-batch: GNU time is needed (apt-get install time)" >&2; exit 1; }
inputs="$root/bench/inputs/spark-s3-$n"
work="$root/bench/results/tmp/spark-batch"
mkdir -p "$work"

echo "spark-batch: building lamina-bench and lamina-spark" >&2
./mvnw -q -B package -pl lamina-bench,lamina-spark -am -DskipTests >&2
cp="lamina-bench/target/lamina-bench.jar:lamina-bench/target/lib/*"
if [ ! -d "$inputs/s3/batch" ]; then
  echo "spark-batch: generating $n inputs of 4096x4096 in $inputs" >&2
  gen="$work/Gen.java"
  cat > "$gen" <<'JAVA'
import dev.lamina.bench.inputs.InputGenerator;
import java.nio.file.Path;
import java.util.Set;
public class Gen {
    public static void main(String[] a) throws Exception {
        InputGenerator.generate(Path.of(a[0]), InputGenerator.Profile.full().withS3Count(Integer.parseInt(a[1])), Set.of("s3"));
    }
}
JAVA
  "$JAVA_HOME/bin/java" -cp "$cp" "$gen" "$inputs" "$n"
fi
in="$inputs/s3/batch"
wm="$inputs/s1/watermark.png"

measure() {   # name, command...
  local name=$1; shift
  rm -rf "$work/out-$name"
  /usr/bin/time -v -o "$work/$name.time" "$@" > "$work/$name.log" 2>&1 || { echo "$name failed, see $work/$name.log" >&2; return 1; }
  local wall cpu_u cpu_s rss files
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$work/$name.time")
  cpu_u=$(awk -F': ' '/User time/ {print $2}' "$work/$name.time")
  cpu_s=$(awk -F': ' '/System time/ {print $2}' "$work/$name.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$name.time")
  files=$(find "$work/out-$name" -name '*.png' -not -path '*/_lamina*' | wc -l)
  printf '| %s | %d | %.1f | %.1f | %d |\n' "$name" "$files" "$wall" "$(awk -v u="$cpu_u" -v s="$cpu_s" 'BEGIN {print u + s}')" $((rss / 1024))
}

echo "| engine | outputs | wall s | CPU s | peak RSS MB |"
echo "|---|---|---|---|---|"
LAMINA_BATCH_JAVA_OPTS="$batch_opts" measure lamina-batch bin/lamina-batch --master 'local[2]' "$in" -o "$work/out-lamina-batch" \
  --watermark "$wm" --gravity centre --compression 6
measure lamina-1jvm "$JAVA_HOME/bin/java" -cp "$cp" dev.lamina.bench.peers.LaminaPeer s3 "$in" "$wm" "$work/out-lamina-1jvm" 6
if [ -d bench/node/node_modules/sharp ] && command -v node >/dev/null; then
  measure sharp node bench/node/peer.js s3 "$in" "$wm" "$work/out-sharp" 6
else
  echo "| sharp | skipped: not installed (bench/install-peers.sh) | | | |"
fi
grep -h "lamina-batch:" "$work/lamina-batch.log" | sed 's/^/  /' >&2
# Same bytes from Spark and from one process: the batch changes where the work runs, not the result.
if cmp -s "$work/out-lamina-batch/img-000.png" "$work/out-lamina-1jvm/img-000.png"; then
  echo "  img-000.png: identical bytes from lamina-batch and lamina-1jvm" >&2
else
  echo "  img-000.png: DIFFERENT bytes from lamina-batch and lamina-1jvm" >&2
fi
rm -rf "$work"/out-*
