// Issue 15's per-image thumbnail with sharp in a warm process, the counterpart of
// dev.lamina.bench.jmh.WarmThumbnailBench: the lab's first 16 S4 photos, read into memory once,
// each to fit 256 px, JPEG quality 85, into a Buffer; sharp's cache off, one image at a time.
//   node warm-thumbnail.js S4_DIR THREADS [ROUNDS] [IMAGES_PER_ROUND] [fast|precise]
// fast (the default) is sharp's default, fastShrinkOnLoad: true (a 6.4x shrink loads at 1/4);
// precise is fastShrinkOnLoad: false, libvips' rule and Lamina's default (loads at 1/2).
// Prints the median and range of the rounds' mean ms per image, process CPU time (user + system)
// and wall time, after as many warm-up rounds (dev.lamina.bench.lab.ThumbnailCpu prints the same).
const sharp = require('sharp');
const fs = require('fs');
const path = require('path');
const [dir, threads, roundsArg, perArg, ruleArg] = process.argv.slice(2);
const rule = ruleArg || 'fast';
if (rule !== 'fast' && rule !== 'precise') { console.error(`warm-thumbnail.js: the rule is fast or precise, not ${rule}`); process.exit(2); }
const rounds = Number(roundsArg || 10);
const per = Number(perArg || 200);
sharp.cache(false);
sharp.concurrency(Number(threads));
const files = [];
for (let i = 0; i < 16; i++) {
  files.push(fs.readFileSync(path.join(dir, `photo-${String(i).padStart(3, '0')}.jpg`)));
}
(async () => {
  const times = [];
  const cpus = [];
  for (let r = 0; r < 2 * rounds; r++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < per; i++) {
      await sharp(files[i % 16]).resize(256, 256, { fit: 'inside', fastShrinkOnLoad: rule === 'fast' }).jpeg({ quality: 85 }).toBuffer();
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6 / per;
    const c = process.cpuUsage(c0);
    if (r >= rounds) { times.push(ms); cpus.push((c.user + c.system) / 1000 / per); }
  }
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  const med = times[Math.floor(times.length / 2)];
  const cmed = cpus[Math.floor(cpus.length / 2)];
  console.log(`sharp ${JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules/sharp/package.json'))).version} libvips ${sharp.versions.vips} ${rule} threads ${threads}: ` +
    `CPU median ${cmed.toFixed(3)} ms/image (${cpus[0].toFixed(3)}-${cpus[cpus.length - 1].toFixed(3)}), wall median ${med.toFixed(3)} ms/image (range ${times[0].toFixed(3)}-${times[times.length - 1].toFixed(3)}, ${rounds} rounds of ${per})`);
})();
