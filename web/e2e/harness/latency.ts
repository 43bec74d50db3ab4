/** Nearest-rank percentile of samples (ms): p50 of 100 is the 50th smallest, p99 the 99th. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) {
    return Number.NaN;
  }

  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export interface Stamped {
  readonly t: number;
  readonly text: string;
}

/**
 * For each action (its start time and the text its effect shows), the time until the first change on
 * the viewer's page at or after it that shows that text.
 */
export function latencies(actions: readonly { t: number; expect: string }[], changes: readonly Stamped[]): number[] {
  return actions.map(action => {
    const seen = changes.find(c => c.t >= action.t && c.text.includes(action.expect));
    if (!seen) {
      throw new Error(`No change showing "${action.expect}" after the action at ${action.t}`);
    }

    return seen.t - action.t;
  });
}
