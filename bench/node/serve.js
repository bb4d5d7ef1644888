// The sharp peer of the service load test (lamina-bench ServiceBench): an HTTP service written the
// way a Node team writes one. Node's http module, sharp with its defaults (libvips' operation
// cache on, a thread pool sized to the cores), every image of the asset folder read into memory
// once at start. It serves the interim render body of lamina-server (a base asset, image layers at
// x/y) so the load generator sends both services the same request.
//   node serve.js PORT ASSET_DIR
//   POST /v1/render?quality=85   {"base": {"asset": "canvas"}, "layers": [{"asset": "tile-00", "x": 0, "y": 0}, ...]}
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const sharp = require('sharp');

const [port, dir] = process.argv.slice(2);
const assets = new Map();
for (const f of fs.readdirSync(dir)) {
  if (/\.(png|jpe?g)$/i.test(f)) {
    assets.set(f.replace(/\.[^.]+$/, ''), fs.readFileSync(path.join(dir, f)));
  }
}

function fail(res, status, detail) {
  res.writeHead(status, { 'Content-Type': 'application/problem+json' });
  res.end(JSON.stringify({ status, detail }));
}

async function render(req, res, body) {
  const url = new URL(req.url, 'http://localhost');
  const recipe = JSON.parse(body);
  const base = assets.get(recipe.base && recipe.base.asset);
  if (!base) return fail(res, 404, 'unknown base asset');
  const layers = [];
  for (const l of recipe.layers || []) {
    const input = assets.get(l.asset);
    if (!input) return fail(res, 404, `unknown asset ${l.asset}`);
    layers.push({ input, left: l.x || 0, top: l.y || 0 });
  }
  const quality = Number(url.searchParams.get('quality') || 80);
  const out = await sharp(base).composite(layers).jpeg({ quality }).toBuffer();
  res.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': out.length });
  res.end(out);
}

http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health/live') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    return res.end('{"status":"UP"}');
  }
  if (req.method !== 'POST' || !req.url.startsWith('/v1/render')) return fail(res, 404, 'no such route');
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    render(req, res, Buffer.concat(chunks).toString('utf8')).catch((e) => fail(res, 400, e.message));
  });
}).listen(Number(port), '127.0.0.1', () => {
  console.error(`sharp service listening on http://127.0.0.1:${port} (${assets.size} assets, sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips})`);
});
