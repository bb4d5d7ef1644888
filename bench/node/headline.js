// The headline comparison for sharp: node headline.js defaults|adaptive BASE LAYER OUT
// "defaults" is sharp as most users call it (.png(): level 6, no row filtering);
// "adaptive" turns on adaptive row filtering, the setting Lamina and the lab use.
'use strict';
const sharp = require('sharp');
const [mode, base, layer, out] = process.argv.slice(2);
const png = mode === 'adaptive' ? { compressionLevel: 6, adaptiveFiltering: true } : {};
sharp(base).composite([{ input: layer, gravity: 'centre' }]).png(png).toFile(out)
  .catch((e) => { console.error(e.message); process.exit(1); });
