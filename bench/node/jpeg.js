// JPEG as whole processes, for bench/jpeg-process.sh: sharp as its users call it.
//   node jpeg.js encode IN.png OUT.jpg QUALITY        (4:2:0, baseline: sharp's defaults)
//   node jpeg.js thumbnail IN.jpg OUT.jpg EDGE QUALITY (fit inside EDGE x EDGE, Lanczos-3)
const sharp = require('sharp');
const [mode, ...a] = process.argv.slice(2);
(async () => {
  switch (mode) {
    case 'encode':
      await sharp(a[0]).jpeg({ quality: Number(a[2]) }).toFile(a[1]);
      break;
    case 'thumbnail':
      await sharp(a[0]).resize(Number(a[2]), Number(a[2]), { fit: 'inside' })
        .jpeg({ quality: Number(a[3]) }).toFile(a[1]);
      break;
    default:
      console.error('usage: node jpeg.js encode|thumbnail ...');
      process.exit(2);
  }
})().catch(e => { console.error(e.message); process.exit(1); });
