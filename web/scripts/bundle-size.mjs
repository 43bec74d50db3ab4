// What a voter downloads to watch a sitting: the entry chunk, the watch screen's chunk and everything
// they import statically, with their CSS, gzipped (level 9, as a server would serve them); and the
// fonts a Vietnamese page uses (woff2 is compressed already, so counted as is). Fails the build when
// the scripts and styles pass the budget. Writes dist/bundle-size.json for the test report.
import { readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const dist = new URL('../dist/', import.meta.url);
const manifest = JSON.parse(await readFile(new URL('.vite/manifest.json', dist), 'utf8'));

const files = new Set();
const visit = key => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit('index.html');
visit('src/screens/watch/WatchScreen.tsx');

let gzip = 0;
let raw = 0;
for (const file of files) {
  const bytes = await readFile(new URL(file, dist));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
}

// Vietnamese text needs the latin and vietnamese subsets of each weight the page uses.
const fonts = (manifest['index.html'].assets ?? []).filter(a => /-(latin|vietnamese)-(400|600|700)-normal-.*\.woff2$/.test(a));
let fontBytes = 0;
for (const file of fonts) fontBytes += (await readFile(new URL(file, dist))).length;

const kb = n => Math.round((n / 1024) * 10) / 10;
const report = {
  watchPage: { files: [...files].sort(), rawKB: kb(raw), gzipKB: kb(gzip), budgetKB: BUDGET_KB },
  fonts: { files: fonts.sort(), KB: kb(fontBytes) },
};
await writeFile(new URL('bundle-size.json', dist), JSON.stringify(report, null, 2) + '\n');
console.log(`watch page: ${files.size} files, ${kb(raw)} KB, ${kb(gzip)} KB gzip (budget ${BUDGET_KB} KB); fonts for Vietnamese text: ${kb(fontBytes)} KB woff2`);
if (gzip / 1024 > BUDGET_KB) {
  console.error(`The watch page is over its budget: ${kb(gzip)} KB gzip > ${BUDGET_KB} KB`);
  process.exit(1);
}
