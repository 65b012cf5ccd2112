import { Alert, CopyButton } from '../../app/ui.tsx';

/** A secret the server shows only once (a key, a signing secret): what it is for, the secret, and a button that copies it. */
export function ShownOnce({ lead, secret, copyLabel, testId }: { lead: string; secret: string; copyLabel: string; testId: string }) {
  return (
    <Alert kind="success">
      <p>{lead}</p>
      <p>
        <code data-testid={testId}>{secret}</code> <CopyButton text={secret} label={copyLabel} />
      </p>
    </Alert>
  );
}
