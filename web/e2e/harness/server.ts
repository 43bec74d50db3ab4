import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface RunningServer {
  readonly url: string;
  /** The server's SQLite database, for qs run beside it. */
  readonly connectionString: string;
  /** What the server wrote (warnings and errors only), for a failing test's report. */
  readonly log: () => string;
  stop(): Promise<void>;
}

/** The server as built by `dotnet build` (test.sh builds Release); QS_SERVER_DLL names another. */
function serverDll(): string {
  const candidates = [
    process.env.QS_SERVER_DLL,
    join(repoRoot, 'artifacts/bin/QuestionSessions.Server/release/QuestionSessions.Server.dll'),
    join(repoRoot, 'artifacts/bin/QuestionSessions.Server/debug/QuestionSessions.Server.dll'),
  ].filter((p): p is string => !!p);
  const found = candidates.find(p => existsSync(p));
  if (!found) {
    throw new Error(`No server build found (tried ${candidates.join(', ')}). Run: dotnet build -c Release`);
  }

  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts the real server on a free loopback port over a throwaway SQLite file, with the demo seeded
 * (a low password work factor keeps the seed quick) unless `seed` is false, and waits until it is ready.
 */
export async function startServer({ seed = true }: { readonly seed?: boolean } = {}): Promise<RunningServer> {
  const dll = serverDll();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const folder = await mkdtemp(join(tmpdir(), 'qs-e2e-'));
  let output = '';
  const child: ChildProcess = spawn(
    'dotnet',
    [
      dll,
      '--urls',
      url,
      '--environment',
      'Production',
      '--Storage:Provider=Sqlite',
      `--Storage:ConnectionString=Data Source=${join(folder, 'qs.db')}`,
      `--Demo:Seed=${seed}`,
      '--PasswordHasher:IterationCount=1000',
      '--Logging:LogLevel:Default=Warning',
    ],
    { cwd: dirname(dll), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise(r => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise(r => setTimeout(r, 10_000))]);
      if (child.exitCode === null) {
        child.kill('SIGKILL');
      }
    }

    await rm(folder, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The server exited with ${child.exitCode}:\n${output}`);
    }

    try {
      const ready = await fetch(`${url}/health/ready`);
      if (ready.ok) {
        return { url, connectionString: `Data Source=${join(folder, 'qs.db')}`, log: () => output, stop };
      }
    } catch {
      // Not listening yet.
    }

    await new Promise(r => setTimeout(r, 250));
  }

  await stop();
  throw new Error(`The server did not become ready in 90 s:\n${output}`);
}
