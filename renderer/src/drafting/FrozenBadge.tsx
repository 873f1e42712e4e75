/**
 * The mark of the fields a card takes from the confirmed plan: a drawn lock and the word 고정, so that it shows on
 * a PC without an emoji font (a 🔒 character came out there as a box or nothing) and is read by its meaning.
 */
export function FrozenBadge() {
  return (
    <span
      className="frozen-badge"
      role="img"
      aria-label="고정: 수정할 수 없는 항목"
      data-testid="frozen-marker"
    >
      <svg
        className="frozen-lock"
        viewBox="0 0 10 12"
        width="10"
        height="12"
        aria-hidden="true"
        focusable="false"
      >
        <path d="M2.5 5V3.5a2.5 2.5 0 0 1 5 0V5" fill="none" stroke="currentColor" strokeWidth="1.4" />
        <rect x="1" y="5" width="8" height="6.5" rx="1" fill="currentColor" />
      </svg>
      고정
    </span>
  );
}
