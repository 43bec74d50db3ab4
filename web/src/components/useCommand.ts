import { useEffect, useState } from 'preact/hooks';
import type { CommandAccepted } from '../api/types';

export interface CommandState {
  readonly busy: boolean;
  readonly error: unknown;
  /** What the last accepted command did, for a polite status message. */
  readonly done: string | null;
  /** Runs one command at a time; resolves true when it was accepted. */
  run(doneMessage: string, action: () => Promise<CommandAccepted>): Promise<boolean>;
}

/**
 * One console's commands. `situation` names what a refusal depends on (the open cluster, the running turn,
 * one's own place): when it changes the refusal no longer describes the screen, so it is cleared. The
 * confirmation of an accepted command stays, since accepting it is what changes the situation.
 */
export function useCommand(situation = ''): CommandState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => setError(null), [situation]);
  const run = async (doneMessage: string, action: () => Promise<CommandAccepted>) => {
    if (busy) {
      return false;
    }

    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await action();
      setDone(doneMessage);
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, run };
}
