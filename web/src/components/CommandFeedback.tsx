import { ProblemMessage } from './ProblemMessage';
import type { CommandState } from './useCommand';

/** The outcome of a console's last command: a polite status when done, an alert with the reason when refused. */
export function CommandFeedback({ state }: { readonly state: CommandState }) {
  return (
    <>
      <p class="feedback" role="status" data-testid="feedback">
        {state.done}
      </p>
      <ProblemMessage error={state.error} />
    </>
  );
}
