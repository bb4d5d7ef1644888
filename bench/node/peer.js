// The sharp peer of the Lamina benchmark lab: the same command line as the Java peers
// (dev.lamina.bench.peers.PeerMain), each operation written as sharp's documentation shows it.
//   node peer.js s1 BASE LAYER OUT PNG_LEVEL
//   node peer.js p1 OUT PNG_LEVEL BASE LAYER...
//   node peer.js s2 CANVAS TILE_DIR OUT JPEG_Q ITERATIONS LATENCY_FILE
//   node peer.js s3 IN_DIR LAYER OUT_DIR PNG_LEVEL
//   node peer.js s4 IN_DIR OUT_DIR EDGE JPEG_Q [precise]   (precise: fastShrinkOnLoad false, libvips' rule)
//   node peer.js p2 IN OUT WIDTH HEIGHT KERNEL
//   node peer.js f1 IN OUT webp|webp-lossless|tiff
'use strict';
const fs = require('fs');
const path = require('path');
const sharp = require('sharp');

async function main(argv) {
  const [op, ...a] = argv;
  switch (op) {
    case 'f1': {
      const img = sharp(a[0]);
      if (a[2] === 'webp') await img.webp({ quality: 75 }).toFile(a[1]);
      else if (a[2] === 'webp-lossless') await img.webp({ lossless: true }).toFile(a[1]);
      else await img.tiff({ compression: 'none' }).toFile(a[1]);
      break;
    }
    case 's1':
      // The lab's PNG settings: level 6 and adaptive row filters (sharp's default is no filtering).
      await sharp(a[0]).composite([{ input: a[1], gravity: 'centre' }])
        .png({ compressionLevel: Number(a[3]), adaptiveFiltering: true }).toFile(a[2]);
      break;
    case 'p1': {
      const layers = a.slice(3).map((f) => ({ input: f, left: 0, top: 0 }));
      await sharp(a[2]).composite(layers).png({ compressionLevel: Number(a[1]), adaptiveFiltering: true }).toFile(a[0]);
      break;
    }
    case 's2': {
      const tiles = fs.readdirSync(a[1]).filter((f) => f.endsWith('.png')).sort().map((f) => path.join(a[1], f));
      const iterations = Number(a[4]);
      const lat = [];
      for (let i = 0; i < iterations; i++) {
        const t0 = process.hrtime.bigint();
        const meta = await sharp(a[0]).metadata();
        const perRow = Math.floor(meta.width / 100);
        const layers = tiles.map((f, k) => ({ input: f, left: (k % perRow) * 100, top: Math.floor(k / perRow) * 100 }));
        await sharp(a[0]).composite(layers).jpeg({ quality: Math.round(Number(a[3]) * 100) }).toFile(a[2]);
        lat.push(String(process.hrtime.bigint() - t0));
      }
      fs.writeFileSync(a[5], lat.join('\n') + '\n');
      break;
    }
    case 's3': {
      fs.mkdirSync(a[2], { recursive: true });
      for (const f of fs.readdirSync(a[0]).filter((n) => n.endsWith('.png')).sort()) {
        await sharp(path.join(a[0], f)).composite([{ input: a[1], gravity: 'centre' }])
          .png({ compressionLevel: Number(a[3]), adaptiveFiltering: true }).toFile(path.join(a[2], f));
      }
      break;
    }
    case 's4': {
      fs.mkdirSync(a[1], { recursive: true });
      const edge = Number(a[2]);
      for (const f of fs.readdirSync(a[0]).filter((n) => n.endsWith('.jpg')).sort()) {
        await sharp(path.join(a[0], f)).resize(edge, edge, { fit: 'inside', fastShrinkOnLoad: a[4] !== 'precise' })
          .jpeg({ quality: Math.round(Number(a[3]) * 100) }).toFile(path.join(a[1], f));
      }
      break;
    }
    case 'p2':
      await sharp(a[0]).resize(Number(a[2]), Number(a[3]), { fit: 'fill', kernel: a[4] })
        .png({ compressionLevel: 6, adaptiveFiltering: true }).toFile(a[1]);
      break;
    default:
      console.error('usage: node peer.js s1|p1|s2|s4 ...');
      process.exit(2);
  }
}

main(process.argv.slice(2)).catch((e) => { console.error(e.message); process.exit(1); });
