import { useState } from 'react';
import { StatusMessage } from '../components/StatusMessage';

/** A decision's message for its section: its success text or its Korean error; null before any (or once cleared). */
export type Outcome = { kind: 'success' | 'error'; text: string } | null;

/** Runs one office decision, keeping its success or Korean error message for the section. */
export function useDecision(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setOutcome(null);
    try {
      const text = await action();
      setOutcome({ kind: 'success', text });
      onDone();
    } catch (error) {
      setOutcome({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return { busy, outcome, run, clearOutcome: () => setOutcome(null) };
}

/**
 * A decision's outcome. When the decided item leaves the list with the focus on it, the keyboard continues from
 * here (data-focus-fallback, see useFocusKeeper) instead of the top of the page.
 */
export function OutcomeMessage({ outcome }: { outcome: Outcome }) {
  if (outcome === null) return null;
  return (
    <div tabIndex={-1} className="outcome" data-focus-fallback>
      <StatusMessage kind={outcome.kind}>{outcome.text}</StatusMessage>
    </div>
  );
}
