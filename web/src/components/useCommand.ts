import { useRef, useState } from 'preact/hooks';
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
 * one's own place). A refusal is kept with the situation it arrived in and shown only while that situation
 * lasts: once the sitting has moved on it no longer describes the screen. The confirmation of an accepted
 * command stays, since accepting it is what changes the situation.
 */
export function useCommand(situation = ''): CommandState {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ readonly error: unknown; readonly situation: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The situation as last rendered, read when a refusal arrives (the closure's value may be older).
  const current = useRef(situation);
  current.current = situation;
  // A second click before the re-render that disables the button would still see busy false: the ref
  // makes one action at a time hold however fast the clicks come (each action sends its own key).
  const inFlight = useRef(false);
  const run = async (doneMessage: string, action: () => Promise<CommandAccepted>) => {
    if (inFlight.current) {
      return false;
    }

    inFlight.current = true;
    setBusy(true);
    setFailure(null);
    setDone(null);
    try {
      await action();
      setDone(doneMessage);
      return true;
    } catch (e) {
      setFailure({ error: e, situation: current.current });
      return false;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  const error = failure !== null && failure.situation === situation ? failure.error : null;
  return { busy, error, done, run };
}
