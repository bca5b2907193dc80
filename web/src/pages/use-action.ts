/** A button's call outside a form (delete, deactivate, upload): busy while it runs, and its refusal as one message. */
import { useState } from 'react';

/** The state of one action; `run` answers whether the call succeeded (its refusal is then in `error`). */
export function useAction() {
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const run = async (call: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      await call();
      return true;
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run, clearError: () => setError(undefined) };
}
