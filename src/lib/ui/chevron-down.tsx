/** The drop-down's arrow, shared by select.tsx's stand-in and select-control.tsx's trigger. */
export function ChevronDown() {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" fill="none" stroke="currentColor">
      <path d="M3 4.5 6 7.5 9 4.5" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}
