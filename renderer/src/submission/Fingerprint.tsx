/**
 * A key fingerprint in large monospace groups, for reading aloud over the phone. The text content keeps the
 * hyphens, so copying it gives the same string the CLI prints.
 */
export function Fingerprint({
  value,
  testId,
  size = 'large',
}: {
  value: string;
  testId?: string;
  size?: 'large' | 'small';
}) {
  const groups = value.split('-');
  return (
    <span className={`fingerprint fingerprint-${size}`} data-testid={testId}>
      {groups.map((g, i) => (
        <span key={i}>
          {i > 0 && <span className="fp-sep">-</span>}
          <span className="fp-group">{g}</span>
        </span>
      ))}
    </span>
  );
}
