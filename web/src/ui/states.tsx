/** The states every screen goes through: loading, failed (a sentence, never a stack), empty. */
import type { ReactNode } from 'react';
import { describeError } from '../api/errors';

export function Loading({ what }: { what: string }) {
  return (
    <p className="state" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function ErrorMessage({ error, sentences }: { error: unknown; sentences?: Record<string, string> }) {
  if (!error) return null;
  return (
    <p className="state error" role="alert">
      {describeError(error, sentences)}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state empty">{children}</p>;
}
