import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './server';

/** qs as built beside the server (QS_CLI_DLL names another), run with `dotnet`; its exit code and output. */
export async function runQs(args: readonly string[], stdin = ''): Promise<{ code: number; output: string }> {
  const candidates = [
    process.env.QS_CLI_DLL,
    join(repoRoot, 'artifacts/bin/QuestionSessions.Cli/release/qs.dll'),
    join(repoRoot, 'artifacts/bin/QuestionSessions.Cli/debug/qs.dll'),
  ].filter((p): p is string => !!p);
  const dll = candidates.find(p => existsSync(p));
  if (!dll) {
    throw new Error(`No qs build found (tried ${candidates.join(', ')}). Run: dotnet build src/QuestionSessions.Cli`);
  }

  const child = spawn('dotnet', [dll, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  child.stdin.end(stdin);
  const code = await new Promise<number>(resolve => child.once('exit', c => resolve(c ?? -1)));
  return { code, output };
}
