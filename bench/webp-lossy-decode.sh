#!/usr/bin/env bash
# Lossy WebP decode (docs/benchmarks.md): JMH's WebpLossyBench (Lamina, TwelveMonkeys), then
# libwebp's dwebp and libvips as processes on the same two files, in one session. Run it under the
# bench lock after building the bench jar:
#   ./mvnw -q -B package -DskipTests -pl lamina-bench -am
#   flock /work/bench.lock bench/webp-lossy-decode.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bin/jdk25.sh"
cd "$root"
cp="lamina-bench/target/lamina-bench.jar:lamina-bench/target/lib/*"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/MakeWebp.java" <<JAVA
import java.nio.file.*;
public class MakeWebp {
    public static void main(String[] a) throws Exception {
        Files.write(Path.of("$work/opaque.webp"), dev.lamina.bench.jmh.WebpLossyBench.cwebp(false, "-q", "80"));
        Files.write(Path.of("$work/alpha.webp"), dev.lamina.bench.jmh.WebpLossyBench.cwebp(true, "-q", "80"));
    }
}
JAVA
java -cp "$cp" "$work/MakeWebp.java"
uptime
java -cp "$cp" org.openjdk.jmh.Main -f 1 -wi 2 -i 3 -w 2s -r 3s 'dev.lamina.bench.jmh.WebpLossyBench' 2>&1 \
    | grep -E "^Benchmark|WebpLossyBench\."
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for f in opaque alpha; do
  for cmd in "dwebp -quiet $work/$f.webp -pam -o /dev/null" "dwebp -quiet -mt $work/$f.webp -pam -o /dev/null" \
             "vips avg $work/$f.webp"; do
    for i in 1 2 3 4 5 6; do
      s=$(date +%s%N); $cmd > /dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 ))
    done | tail -5 | median | sed "s|^|$f: ${cmd//$work\//}: ms |"
  done
done
uptime
