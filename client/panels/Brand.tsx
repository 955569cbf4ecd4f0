/** The product's mark: a ring in the SDG 17 navy. */
export function Brand({ compact = false }: { compact?: boolean }) {
  return (
    <span className="brand">
      <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="8" fill="#19486A" />
        <circle cx="16" cy="16" r="8" fill="none" stroke="#fff" strokeWidth="3" />
        <circle cx="16" cy="16" r="2.5" fill="#FD9D24" />
      </svg>
      {!compact && <span className="brand-name">SDG workshop board</span>}
    </span>
  );
}
