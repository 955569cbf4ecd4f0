// A few line icons, drawn on a 20×20 grid with the current text colour.
import type { ReactNode } from 'react';

/** The frame every line icon of the client is drawn in (icons.tsx, planIcons.tsx, facilitationIcons.tsx). */
export function Icon({ children, size = 18 }: { children: ReactNode; size?: number }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 20 20"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}

export const PointerIcon = () => (
  <Icon>
    <path d="M5 3l10 6.2-4.6 1.1 2.6 5-1.9 1-2.6-5L5 14.6z" />
  </Icon>
);
export const LinkIcon = () => (
  <Icon>
    <circle cx="4.5" cy="15.5" r="2" />
    <path d="M6 14l8.5-8.5" />
    <path d="M10 5h5v5" />
  </Icon>
);
export const NoteIcon = () => (
  <Icon>
    <path d="M4 3.5h12v8.5l-4 4.5H4z" />
    <path d="M12 16.5V12h4" />
  </Icon>
);
export const InterventionIcon = () => (
  <Icon>
    <rect x="3" y="4" width="14" height="12" rx="2" />
    <path d="M6 4v12" />
    <path d="M9 8.5h5M9 11.5h3.5" />
  </Icon>
);
export const TargetIcon = () => (
  <Icon>
    <circle cx="10" cy="10" r="7" />
    <circle cx="10" cy="10" r="3.5" />
    <circle cx="10" cy="10" r="0.6" fill="currentColor" />
  </Icon>
);
export const TrashIcon = () => (
  <Icon>
    <path d="M3.5 5.5h13M8 5.5V3.5h4v2M5.5 5.5l.8 11h7.4l.8-11" />
    <path d="M8.5 8.5v5M11.5 8.5v5" />
  </Icon>
);
export const PlusIcon = () => (
  <Icon>
    <path d="M10 4v12M4 10h12" />
  </Icon>
);
export const MinusIcon = () => (
  <Icon>
    <path d="M4 10h12" />
  </Icon>
);
export const FitIcon = () => (
  <Icon>
    <path d="M3.5 7.5v-4h4M16.5 7.5v-4h-4M3.5 12.5v4h4M16.5 12.5v4h-4" />
  </Icon>
);
export const ShareIcon = () => (
  <Icon>
    <circle cx="14.5" cy="5" r="2" />
    <circle cx="5.5" cy="10" r="2" />
    <circle cx="14.5" cy="15" r="2" />
    <path d="M7.3 9l5.4-3M7.3 11l5.4 3" />
  </Icon>
);
export const CloseIcon = () => (
  <Icon>
    <path d="M5 5l10 10M15 5L5 15" />
  </Icon>
);
export const CopyIcon = () => (
  <Icon>
    <rect x="7" y="7" width="9.5" height="9.5" rx="1.5" />
    <path d="M13 7V4.5A1 1 0 0 0 12 3.5H4.5a1 1 0 0 0-1 1V12a1 1 0 0 0 1 1H7" />
  </Icon>
);
export const EyeIcon = () => (
  <Icon>
    <path d="M1.8 10S5 4.5 10 4.5 18.2 10 18.2 10 15 15.5 10 15.5 1.8 10 1.8 10z" />
    <circle cx="10" cy="10" r="2.5" />
  </Icon>
);
