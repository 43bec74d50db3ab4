import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stepsOf } from '../scripts/steps.mjs';

const webDir = path.resolve(__dirname, '..');

describe('the web app build steps the server build runs', () => {
  it('expands the build script into its steps, npm run parts included', () => {
    expect(stepsOf('build')).toEqual([
      'node scripts/gen-api.mjs',
      'tsc --noEmit -p tsconfig.json',
      'vite build',
      'node scripts/bundle-size.mjs',
    ]);
    expect(stepsOf('ci')).toEqual(['npm ci --no-audit --no-fund']);
  });

  it('refuses a missing script and a script that runs itself', () => {
    expect(() => stepsOf('nothing', {})).toThrow(/no script "nothing"/);
    expect(() => stepsOf('a', { a: 'echo 1 && npm run b', b: 'npm run a' })).toThrow(/runs itself/);
  });

  it('names each step and its end on standard output when there is no terminal', async () => {
    // detached: a new session with no controlling terminal, as in CI, so progress goes to stdout.
    const child = spawn(process.execPath, ['scripts/steps.mjs', 'gen'], { cwd: webDir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', chunk => (out += chunk));
    const code = await new Promise(resolve => child.on('close', resolve));
    expect(code).toBe(0);
    expect(out).toContain('web app 1/1: node scripts/gen-api.mjs');
    expect(out).toMatch(/web app: gen done in \d+\.\d s/);
  });
});
