#!/usr/bin/env bash
# Lossy WebP (issue 14): Lamina's encoder against libwebp's cwebp at the same quality, on the shared
# photos and the lab's inputs. Each input is first decoded once by libvips to a PNG, so both
# encoders get the same pixels; each output is decoded by dwebp and compared with that PNG by
# ImageMagick's `compare -metric PSNR` (RGB, all channels): neither encoder's own estimate.
# Both write no metadata (cwebp's default; `--metadata none` for Lamina), so sizes are the frames'.
#
#   bench/webp-vs-cwebp.sh [QUALITY...]      (default 50 75 90; PHOTOS=dir overrides /work/shared/photos)
#
# Prints a Markdown table: bytes and PSNR of each, the size ratio and the PSNR difference.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. bin/jdk25.sh
qualities=("$@")
[ ${#qualities[@]} -gt 0 ] || qualities=(50 75 90)
photos="${PHOTOS:-/work/shared/photos}"
for tool in cwebp dwebp vips compare; do
  command -v $tool >/dev/null || { echo "webp-vs-cwebp: $tool is missing (packages webp, libvips-tools, imagemagick)" >&2; exit 1; }
done
if [ ! -f lamina-cli/target/lamina.jar ] || [ ! -f lamina-bench/target/lamina-bench.jar ]; then
  ./mvnw -q -B package -DskipTests -pl lamina-cli,lamina-bench -am
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# the lab's inputs (full profile) of the scenarios that hold single photos
labin="$root/bench/inputs/full"
"$JAVA_HOME/bin/java" -cp "lamina-bench/target/lamina-bench.jar:lamina-bench/target/lib/*" \
  dev.lamina.bench.inputs.InputGenerator "$labin" --only s1,s2,p1,p2 >/dev/null

inputs=()
for f in "$photos"/*.png "$photos"/*.jpg; do [ -f "$f" ] && inputs+=("$f"); done
inputs+=("$labin/s1/background.png" "$labin/s2/canvas.png" "$labin/p1/base.png" "$labin/p2/photo.png")

# compare exits 1 when the images differ, and libpng may warn first: the last line's first field
psnr() { { compare -metric PSNR "$1" "$2" null: 2>&1 || true; } | tail -n 1 | awk '{print $1}'; }

echo "| input | pixels | q | cwebp bytes | Lamina bytes | size ratio | cwebp PSNR | Lamina PSNR | Δ dB |"
echo "|---|---|---|---|---|---|---|---|---|"
for in in "${inputs[@]}"; do
  name=$(basename "$(dirname "$in")")/$(basename "$in")
  case "$in" in "$photos"/*) name=$(basename "$in") ;; esac
  ref="$work/ref.png"
  vips copy "$in" "$ref"
  size=$(vipsheader -f width "$ref")x$(vipsheader -f height "$ref")
  for q in "${qualities[@]}"; do
    cwebp -quiet -q "$q" "$ref" -o "$work/c.webp"
    bin/lamina convert "$ref" -o "$work/l.webp" --quality "$q" --metadata none
    dwebp -quiet "$work/c.webp" -o "$work/c.png"
    dwebp -quiet "$work/l.webp" -o "$work/l.png"
    cb=$(stat -c %s "$work/c.webp"); lb=$(stat -c %s "$work/l.webp")
    cp=$(psnr "$ref" "$work/c.png"); lp=$(psnr "$ref" "$work/l.png")
    python3 -c "print('| $name | $size | $q | $cb | $lb | %.3f | %.2f | %.2f | %+.2f |' % ($lb/$cb, $cp, $lp, $lp-$cp))"
  done
done
echo
echo "cwebp: $(cwebp -version), libvips $(vips --version | cut -d' ' -f1 --complement), $(compare -version | head -1 | cut -d' ' -f2-3)"
