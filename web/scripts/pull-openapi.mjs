// Copies a running server's OpenAPI document into src/api/openapi.json and regenerates the types.
// The server test OpenApiDocumentTests does the same without a running server (QS_WRITE_OPENAPI=1).
import { writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';

const server = process.env.QS_SERVER ?? 'http://localhost:5080';
const response = await fetch(`${server}/openapi/v1.json`);
if (!response.ok) {
  throw new Error(`${server}/openapi/v1.json answered ${response.status}`);
}

const text = (await response.text()).replace(/\r\n/g, '\n').trimEnd() + '\n';
await writeFile(new URL('../src/api/openapi.json', import.meta.url), text);
execFileSync(process.execPath, [new URL('./gen-api.mjs', import.meta.url).pathname], { stdio: 'inherit' });
console.log(`src/api/openapi.json updated from ${server}`);
