#!/usr/bin/env bash
# The headline workload of issue 2 as whole processes, measured with hyperfine (medians of
# N runs after a warm-up) and GNU time (peak RSS): Lamina's CLI against sharp at its defaults
# and with adaptive filtering, on the lab's deterministic S1 inputs.
#   bench/headline.sh [RUNS]        (default 10; needs bench/install-peers.sh for sharp)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-10}"
. "$root/bin/jdk25.sh"
in="$root/bench/inputs/full/s1"
if [ ! -f "$in/background.png" ]; then
  echo "headline: generating the S1 inputs with the lab" >&2
  "$root/bench/run-lab.sh" s1 --runs 1 --peers lamina >/dev/null
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
bg="$in/background.png"; wm="$in/watermark.png"
[ -f "$root/lamina-cli/target/lamina.jar" ] || (cd "$root" && ./mvnw -q -B package -DskipTests -pl lamina-cli -am)
cmds=(
  "$root/bin/lamina composite $bg $wm -o $out/lamina.png"
  "env LAMINA_JAVA_OPTS=-XX:TieredStopAtLevel=4 $root/bin/lamina composite $bg $wm -o $out/lamina-c2.png"
)
# The launcher runs jobs under 64 MiB of input on C1 alone; the second line keeps every JIT tier.
names=("lamina" "lamina (all JIT tiers)")
if [ -d "$root/bench/node/node_modules/sharp" ]; then
  cmds+=("node $root/bench/node/headline.js defaults $bg $wm $out/sharp-defaults.png"
         "node $root/bench/node/headline.js adaptive $bg $wm $out/sharp-adaptive.png")
  names+=("sharp defaults" "sharp adaptive")
else
  echo "headline: sharp is not installed (bench/install-peers.sh): measuring Lamina only" >&2
fi
args=()
for i in "${!cmds[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
hyperfine --warmup 1 --runs "$runs" --export-json "$out/hyperfine.json" "${args[@]}" >&2
echo
echo "Machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
# Medians (hyperfine's markdown gives means; these machines are shared and noisy).
python3 - "$out/hyperfine.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
base = next((x["median"] for x in r if x["command"] == "sharp defaults"), r[0]["median"])
print("| command | median wall (s) | user CPU (s, mean) | vs sharp defaults |")
print("|---|---|---|---|")
for x in r:
    print(f"| {x['command']} | {x['median']:.3f} | {x['user']:.2f} | {x['median'] / base:.2f}x |")
PY
echo
echo "| command | peak RSS (MB) | output (bytes) |"
echo "|---|---|---|"
for i in "${!cmds[@]}"; do
  rss=$(/usr/bin/time -f '%M' ${cmds[$i]} 2>&1 >/dev/null | tail -n 1)
  file=$(echo "${cmds[$i]}" | awk '{print $NF}')
  echo "| ${names[$i]} | $((rss / 1024)) | $(stat -c %s "$file") |"
done
