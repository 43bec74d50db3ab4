import { useEffect, useRef } from 'preact/hooks';

/** Keys (as KeyboardEvent.key gives them: "n", "N" with Shift, "?") to actions. */
export type Shortcuts = Readonly<Record<string, () => void>>;

function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
  );
}

/**
 * Single-key shortcuts for the frequent floor actions. They never fire while the user types in a
 * field, nor with Ctrl, Alt or Meta held, so they do not fight the browser's or the screen reader's keys.
 */
export function useShortcuts(shortcuts: Shortcuts): void {
  const current = useRef(shortcuts);
  current.current = shortcuts;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.repeat || typing(e.target)) {
        return;
      }

      const action = current.current[e.key];
      if (action) {
        e.preventDefault();
        action();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
