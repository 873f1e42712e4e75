import type { ReactNode } from 'react';

export function StatusMessage({
  kind,
  children,
}: {
  kind: 'info' | 'error' | 'success';
  children: ReactNode;
}) {
  return (
    <div className={`status status-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
