#!/usr/bin/env bash
# JPEG as whole processes (issue 5): encoding the collage service's 800x600 output at quality 85,
# and a thumbnail (fit 256 px, quality 85) of a 12 MP photo with and without shrink-on-load,
# Lamina's CLI against sharp and libvips' CLI on the same deterministic inputs. hyperfine medians
# of N runs after a warm-up, GNU time for peak RSS.
#   bench/jpeg-process.sh [RUNS]     (default 10; peers from bench/install-peers.sh, skipped when absent)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-10}"
. "$root/bin/jdk25.sh"
cd "$root"
if [ ! -f lamina-cli/target/lamina.jar ] || [ ! -f lamina-bench/target/lamina-bench.jar ]; then
  ./mvnw -q -B package -DskipTests -pl lamina-cli,lamina-bench -am
fi
in="$root/bench/inputs/jpeg"
"$JAVA_HOME/bin/java" -cp "lamina-bench/target/lamina-bench.jar:lamina-bench/target/lib/*" \
  dev.lamina.bench.inputs.JpegProcessInputs "$in"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
png="$in/photo-800x600.png"; big="$in/photo-4000x3000.jpg"
names=(); cmds=()
add() { names+=("$1"); cmds+=("$2"); }
add "encode: lamina" "$root/bin/lamina convert $png -o $out/enc-lamina.jpg --quality 85"
have_sharp=0; [ -d bench/node/node_modules/sharp ] && have_sharp=1
have_vips=0; command -v vips >/dev/null && have_vips=1
[ $have_sharp = 1 ] && add "encode: sharp" "node $root/bench/node/jpeg.js encode $png $out/enc-sharp.jpg 85"
[ $have_vips = 1 ] && add "encode: vips" "vips copy $png $out/enc-vips.jpg[Q=85]"
add "thumbnail: lamina" "$root/bin/lamina thumbnail $big -s 256 --quality 85 -o $out/th-lamina.jpg"
add "thumbnail: lamina, no shrink-on-load" "$root/bin/lamina thumbnail $big -s 256 --quality 85 --no-shrink-on-load -o $out/th-lamina-full.jpg"
[ $have_sharp = 1 ] && add "thumbnail: sharp" "node $root/bench/node/jpeg.js thumbnail $big $out/th-sharp.jpg 256 85"
[ $have_vips = 1 ] && add "thumbnail: vipsthumbnail" "vipsthumbnail $big --size 256 -o $out/th-vips.jpg[Q=85]"
[ $have_sharp = 1 ] || echo "jpeg-process: sharp is not installed (bench/install-peers.sh): skipped" >&2
[ $have_vips = 1 ] || echo "jpeg-process: libvips' CLI is not installed (bench/install-peers.sh): skipped" >&2
"$root/bin/lamina" info "$png" >/dev/null   # builds the launcher's AOT cache outside the timings
args=()
for i in "${!cmds[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
hyperfine --warmup 1 --runs "$runs" --export-json "$out/hyperfine.json" "${args[@]}" >&2
echo
echo "Machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
python3 - "$out/hyperfine.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print("| command | median wall (s) | user+sys CPU (s, mean) |")
print("|---|---|---|")
for x in r:
    print(f"| {x['command']} | {x['median']:.3f} | {x['user'] + x['system']:.2f} |")
PY
echo
echo "| command | peak RSS (MB) | output (bytes) |"
echo "|---|---|---|"
for i in "${!cmds[@]}"; do
  rss=$(/usr/bin/time -f '%M' ${cmds[$i]} 2>&1 >/dev/null | tail -n 1)
  file=$(echo "${cmds[$i]}" | grep -o "$out/[^ ]*\.jpg" | head -n 1)
  echo "| ${names[$i]} | $((rss / 1024)) | $(stat -c %s "$file") |"
done
