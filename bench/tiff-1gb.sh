#!/usr/bin/env bash
# The study's TIFF case (issue 14 item 6): a TIFF of more than 1 GB (generated here, never
# committed) converted to PNG by Lamina and by libvips with and without sequential access,
# each as one process under GNU time (wall, peak RSS), all under the shared benchmark lock.
#   bench/tiff-1gb.sh [RUNS]      (default 1; needs libvips-tools, GNU time)
# The input is 20000 x 18000 RGB, 8 bits, uncompressed strips (1.08 GB): retina.jpg from the
# shared photos enlarged by libvips (or a libvips test pattern when the photos are absent), kept in
# $TIFF_BENCH_DIR (default /tmp/lamina-tiff-1gb) between runs. PNG is written at zlib level 1 by
# both, so that compression does not dominate what this measures: memory while streaming. The
# same conversions to an uncompressed TIFF show the reading and writing alone.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-1}"
dir="${TIFF_BENCH_DIR:-/tmp/lamina-tiff-1gb}"
mkdir -p "$dir"
in="$dir/big.tif"
photo="$root/../shared/photos/retina.jpg"
[ -f "$photo" ] || photo=/work/shared/photos/retina.jpg
if [ ! -f "$in" ]; then
  echo "tiff-1gb: generating $in" >&2
  if [ -f "$photo" ]; then
    vips resize "$photo" "$dir/enlarged.v" 14.2 --kernel linear
  else
    vips zone "$dir/enlarged.v" 20000 18000 && vips bandjoin_const "$dir/enlarged.v" "$dir/e3.v" "128 64" && mv "$dir/e3.v" "$dir/enlarged.v"
  fi
  vips crop "$dir/enlarged.v" "$in" 0 0 20000 18000
  rm -f "$dir/enlarged.v"
fi
# The same pixels as Deflate strips of 4000 rows (240 MB of samples each: libtiff's tiffcp will
# not buffer a whole-image strip) and as 256x256 tiles, for the streaming of big strips and tiles.
[ -f "$dir/bigstrips.tif" ] || tiffcp -c zip -r 4000 "$in" "$dir/bigstrips.tif"
[ -f "$dir/tiled.tif" ] || vips copy "$in" "$dir/tiled.tif[tile,tile-width=256,tile-height=256]"
[ -f "$root/lamina-cli/target/lamina.jar" ] || (cd "$root" && . bin/jdk25.sh && ./mvnw -q -B package -DskipTests -pl lamina-cli -am)
echo "input: $(vipsheader "$in"), $(stat -c %s "$in") bytes"
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
measure() {   # name, command...
  local name="$1"; shift
  local log="$dir/time.log"
  /usr/bin/time -v "$@" 2>"$log" >/dev/null || { cat "$log" >&2; return 1; }
  local wall rss cpu out
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$log")
  out=$(ls "$dir"/out.* | head -1)
  printf '%-44s wall %8s   cpu %6s s   peak RSS %7.1f MB   output %s bytes\n' "$name" "$wall" "$cpu" \
    "$(echo "$rss/1024" | bc -l)" "$(stat -c %s "$out")"
  rm -f "$dir"/out.*
}
flock /work/bench.lock bash -c "$(declare -f measure); dir='$dir'; root='$root'; in='$in'
for i in \$(seq $runs); do
  measure 'lamina convert' '$root/bin/lamina' convert '$in' '$dir/out.png' --compression 1 --limit-pixels 400000000
  measure 'vips copy (random access)' vips copy '$in' '$dir/out.png[compression=1]'
  measure 'vips copy [access=sequential]' vips copy '$in[access=sequential]' '$dir/out.png[compression=1]'
  measure 'lamina convert -> tif' '$root/bin/lamina' convert '$in' '$dir/out.tif' --limit-pixels 400000000
  measure 'vips copy -> tif (random access)' vips copy '$in' '$dir/out.tif'
  measure 'vips copy [access=sequential] -> tif' vips copy '$in[access=sequential]' '$dir/out.tif'
  for f in bigstrips tiled; do
    measure \"lamina convert \$f -> tif\" '$root/bin/lamina' convert '$dir/'\$f.tif '$dir/out.tif' --limit-pixels 400000000
    measure \"vips copy \$f [access=sequential] -> tif\" vips copy '$dir/'\$f'.tif[access=sequential]' '$dir/out.tif'
  done
done"
