// Runs an npm script of package.json step by step (its `a && b && c` parts, `npm run x` expanded),
// naming each step and its time as it goes. The server's build calls it (`node scripts/steps.mjs ci`,
// `node scripts/steps.mjs build`) so that a first `dotnet run`, which builds quietly, still shows what
// it is doing: the progress goes straight to the terminal when there is one, else to standard output
// (which MSBuild shows). The steps' own output goes to standard error, which MSBuild keeps in its log
// (-v n) and scans for errors; when a step fails its last lines are shown on the terminal too.
import { spawn } from 'node:child_process';
import { openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scripts = JSON.parse(readFileSync(path.join(webDir, 'package.json'), 'utf8')).scripts ?? {};

/** The commands of a script, `npm run x` replaced by x's own steps. `ci` is `npm ci` itself. */
export function stepsOf(name, table = scripts, seen = new Set()) {
  if (name === 'ci') return ['npm ci --no-audit --no-fund'];
  const body = table[name];
  if (typeof body !== 'string') throw new Error(`package.json has no script "${name}"`);
  if (seen.has(name)) throw new Error(`package.json script "${name}" runs itself`);
  return body.split('&&').map(s => s.trim()).filter(Boolean).flatMap(step => {
    const nested = /^npm run ([\w:-]+)$/.exec(step);
    return nested ? stepsOf(nested[1], table, new Set([...seen, name])) : [step];
  });
}

function terminal() {
  for (const device of process.platform === 'win32' ? ['CONOUT$'] : ['/dev/tty']) {
    try {
      return openSync(device, 'w');
    } catch {
      // no terminal: a CI log or a redirected build
    }
  }
  return null;
}

function run(command) {
  const bin = path.join(webDir, 'node_modules', '.bin');
  const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };
  return new Promise(resolve => {
    const child = spawn(command, { cwd: webDir, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail = [];
    const keep = chunk => {
      process.stderr.write(chunk);
      tail.push(...chunk.toString('utf8').split('\n').filter(line => line.trim()));
      tail.splice(0, Math.max(0, tail.length - 30));
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', error => resolve({ code: 127, tail: [String(error)] }));
    child.on('close', code => resolve({ code: code ?? 1, tail }));
  });
}

async function main() {
  const name = process.argv[2];
  if (!name) {
    console.error('usage: node scripts/steps.mjs <npm script | ci>');
    process.exit(2);
  }
  const steps = stepsOf(name);
  const tty = terminal();
  const say = text => (tty === null ? process.stdout.write(`${text}\n`) : writeSync(tty, `${text}\n`));
  const seconds = since => `${((performance.now() - since) / 1000).toFixed(1)} s`;
  const began = performance.now();
  for (const [i, step] of steps.entries()) {
    const start = performance.now();
    say(`  web app ${i + 1}/${steps.length}: ${step}`);
    const { code, tail } = await run(step);
    if (code !== 0) {
      say(`  web app: "${step}" failed (exit ${code}) after ${seconds(start)}; its last lines:`);
      for (const line of tail) say(`    ${line}`);
      process.exit(code);
    }
  }
  say(`  web app: ${name} done in ${seconds(began)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
