#!/usr/bin/env bash
# Installs the native peers of the benchmark lab:
#   - libvips' command-line tool `vips` and ImageMagick (Debian packages),
#   - GNU time (the lab reads peak RSS and CPU from it) and hyperfine (for quick checks by hand),
#   - sharp from npm into bench/node (it brings its own prebuilt libvips as an npm package).
# Idempotent. A peer that fails to install is reported and left out; the lab then skips it
# with a note in the report, it never fakes a figure.
# Usage: bench/install-peers.sh [--no-apt] [--no-npm]
set -u
here=$(cd "$(dirname "$0")" && pwd)
apt=1; npm=1
for a in "$@"; do
  case $a in
    --no-apt) apt=0 ;;
    --no-npm) npm=0 ;;
    *) echo "usage: $0 [--no-apt] [--no-npm]" >&2; exit 2 ;;
  esac
done

status=0
if [ $apt = 1 ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  if command -v apt-get >/dev/null; then
    $SUDO apt-get -o DPkg::Lock::Timeout=900 update -qq || status=1
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends \
      libvips-tools imagemagick time hyperfine || { echo "install-peers: apt-get failed" >&2; status=1; }
  else
    echo "install-peers: no apt-get here; install libvips-tools, imagemagick and GNU time by hand" >&2
    status=1
  fi
fi

if [ $npm = 1 ]; then
  if command -v npm >/dev/null; then
    # package.json pins sharp's version so every machine runs the same peer.
    (cd "$here/node" && npm install --no-audit --no-fund --omit=dev) \
      || { echo "install-peers: npm install sharp failed; sharp will be skipped" >&2; status=1; }
  else
    echo "install-peers: node/npm absent; sharp will be skipped" >&2
    status=1
  fi
fi

echo "install-peers: versions found"
command -v vips >/dev/null && vips --version
for c in magick /usr/bin/convert-im6.q16 /usr/bin/convert; do
  if [ -x "$(command -v $c)" ] && "$c" -version 2>/dev/null | grep -q ImageMagick; then "$c" -version | head -1; break; fi
done
[ -x /usr/bin/time ] && /usr/bin/time --version 2>&1 | head -1
[ -d "$here/node/node_modules/sharp" ] && node -e "const s=require('$here/node/node_modules/sharp'); console.log('sharp', require('$here/node/node_modules/sharp/package.json').version, 'libvips', s.versions.vips)"
exit $status
