// An inline message: an error announced to screen readers (role=alert), or information (role=status).
import type { ReactNode } from 'react';

export function Notice({ kind, children }: { kind: 'error' | 'info' | 'warning'; children: ReactNode }) {
  return <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>{children}</div>;
}
