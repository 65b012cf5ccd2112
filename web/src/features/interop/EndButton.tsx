import { api } from '../../app/api.ts';
import type { useSubmission } from '../../app/components.tsx';

/**
 * The state of a key or a subscription in its row: when it was ended, or the button that ends it
 * (a POST to `path` once the official confirms, then the list is read again).
 */
export function EndButton(props: {
  ended: string | null;
  label: string;
  confirm: string;
  path: string;
  sending: ReturnType<typeof useSubmission>;
  reload(): void;
}) {
  if (props.ended) return <span class="badge">{props.ended}</span>;
  const end = async () => {
    if (!window.confirm(props.confirm)) return;
    if (await props.sending.run(() => api.post(props.path))) props.reload();
  };
  return (
    <button type="button" class="button secondary" onClick={end}>
      {props.label}
    </button>
  );
}
