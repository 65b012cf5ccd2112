/**
 * A value kept outside the components (the session, the location): the components that read it
 * render again when it changes.
 */
import { useEffect, useState } from 'preact/hooks';

export function changeSignal(): { emit(): void; useChanges(): void } {
  const listeners = new Set<() => void>();
  let version = 0;
  return {
    emit() {
      version += 1;
      listeners.forEach((l) => l());
    },
    useChanges() {
      const [, setTick] = useState(0);
      const renderedAt = version;
      useEffect(() => {
        const listener = () => setTick((n) => n + 1);
        listeners.add(listener);
        // Effects run after paint: a change between the first render and this subscription (the
        // first answer of /auth/session on a busy phone) would otherwise never be shown.
        if (version !== renderedAt) listener();
        return () => {
          listeners.delete(listener);
        };
      }, []);
    },
  };
}
