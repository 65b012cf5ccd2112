import { useState } from 'preact/hooks';
import { messageOf } from '../../app/api.ts';

/**
 * A form's sending: busy while it runs, the server's message when it fails, a notice when it
 * succeeds (what `work` returns). `onSubmit={submit(async () => …)}`.
 */
export function useSubmission() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const submit = (work: () => Promise<string | null | void>) => async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const done = await work();
      if (done) setNotice(done);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, notice, setNotice, submit };
}
