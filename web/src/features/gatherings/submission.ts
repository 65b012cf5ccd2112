import { useState } from 'preact/hooks';
import { useSubmission } from '../../app/components.tsx';

/**
 * A form's sending as useSubmission keeps it (busy, the server's message when it fails), and a
 * notice when it succeeds (what `work` returns). `onSubmit={submit(async () => …)}`.
 */
export function useFormSubmission() {
  const { busy, error, run } = useSubmission();
  const [notice, setNotice] = useState<string | null>(null);
  const submit = (work: () => Promise<string | null | void>) => async (e: Event) => {
    e.preventDefault();
    setNotice(null);
    await run(async () => {
      const done = await work();
      if (done) setNotice(done);
    });
  };
  return { busy, error, notice, setNotice, submit };
}
