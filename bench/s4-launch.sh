#!/usr/bin/env bash
# The lab's S4 batch (500 photo-like 2 MP JPEGs to fit 256 px, JPEG quality 85; inputs from
# bench/run-lab.sh or WarmThumbnailBench) as whole processes, with the JVM launched several ways,
# interleaved round by round; GNU time's wall, user and system CPU and peak RSS per run.
#   bench/s4-launch.sh ROUNDS VARIANT...
# Variants: sharp (its defaults: fastShrinkOnLoad), sharp-precise (fastShrinkOnLoad false: libvips'
# shrink-on-load rule, Lamina's default), vips, lamina (bin/lamina as users run it), lamina-fast
# (bin/lamina --fast-shrink-on-load: sharp's rule), samplesaot (java with the launcher's
# options and its ahead-of-time cache, no launcher script), noaot (the same without the cache),
# c1 (samplesaot on C1 alone), aot=FILE (java with the cache FILE, e.g. one trained by hand).
# Run it under `flock /work/bench.lock` on a shared machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. bin/jdk25.sh
rounds=$1; shift
in=bench/inputs/full/s4
jar=lamina-cli/target/lamina.jar
base=(-Xms48m -XX:SurvivorRatio=2 -Xmn32m -XX:+UseSerialGC)
quiet=(-Xlog:aot=off -Xlog:cds=off)
bin/lamina --version >/dev/null   # builds the jar and the launcher's cache when missing
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "variant wall_s user_s sys_s maxrss_kb"
for r in $(seq "$rounds"); do
  for v in "$@"; do
    o="$out/$r-${v//[^a-z0-9]/_}"; mkdir -p "$o"
    thumb=(thumbnail --size 256 --quality 85 -o "$o/%s.jpg" "$in"/*.jpg)
    case $v in
      sharp) cmd=(node bench/node/peer.js s4 "$in" "$o" 256 0.85) ;;
      sharp-precise) cmd=(node bench/node/peer.js s4 "$in" "$o" 256 0.85 precise) ;;
      lamina-fast) cmd=(bin/lamina "${thumb[@]}" --fast-shrink-on-load) ;;
      vips) cmd=(vipsthumbnail --size 256 -o "$o/%s.jpg[Q=85]" "$in"/*.jpg) ;;
      lamina) cmd=(bin/lamina "${thumb[@]}") ;;
      samplesaot) cmd=("$JAVA_HOME/bin/java" "${base[@]}" -XX:AOTCache=lamina-cli/target/lamina.aot "${quiet[@]}" -jar "$jar" "${thumb[@]}") ;;
      c1) cmd=("$JAVA_HOME/bin/java" "${base[@]}" -XX:TieredStopAtLevel=1 -XX:AOTCache=lamina-cli/target/lamina.aot "${quiet[@]}" -jar "$jar" "${thumb[@]}") ;;
      noaot) cmd=("$JAVA_HOME/bin/java" "${base[@]}" -jar "$jar" "${thumb[@]}") ;;
      aot=*) cmd=("$JAVA_HOME/bin/java" "${base[@]}" -XX:AOTCache="${v#aot=}" "${quiet[@]}" -jar "$jar" "${thumb[@]}") ;;
      *) echo "unknown variant $v" >&2; exit 2 ;;
    esac
    /usr/bin/time -f "$v %e %U %S %M" -o "$out/time" "${cmd[@]}" >/dev/null 2>"$out/err" || { echo "$v failed:"; tail -3 "$out/err"; }
    cat "$out/time"
  done
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
