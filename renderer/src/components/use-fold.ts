import { useEffect, useState, type SyntheticEvent } from 'react';

/**
 * A folded section (<details>) that the person opens and closes, and that opens by itself when it has something
 * to show (`show` turns true: a file checked, a refusal): never closed under them by the program.
 */
export function useFold(show: boolean): {
  open: boolean;
  onToggle: (event: SyntheticEvent<HTMLDetailsElement>) => void;
} {
  const [open, setOpen] = useState(show);
  useEffect(() => {
    if (show) setOpen(true);
  }, [show]);
  return { open, onToggle: (event) => setOpen(event.currentTarget.open) };
}
