// Line icons of the facilitation features, on the same 20×20 grid as icons.tsx.
import { Icon } from '../icons.tsx';

export const PeopleIcon = () => (
  <Icon>
    <circle cx="7.5" cy="7" r="2.8" />
    <path d="M2.5 16c.6-3 2.6-4.5 5-4.5s4.4 1.5 5 4.5" />
    <circle cx="14" cy="7.5" r="2.2" />
    <path d="M13.5 11.6c2 .1 3.5 1.4 4 4" />
  </Icon>
);
export const DotsIcon = () => (
  <Icon>
    <circle cx="5.5" cy="10" r="2.2" fill="currentColor" />
    <circle cx="10" cy="10" r="2.2" fill="currentColor" />
    <circle cx="14.5" cy="10" r="2.2" />
  </Icon>
);
export const ChecklistIcon = () => (
  <Icon>
    <path d="M3.5 5.5l1.5 1.5 2.5-3M3.5 11.5l1.5 1.5 2.5-3" />
    <path d="M10 5.5h6.5M10 11.5h6.5M10 16h6.5" />
  </Icon>
);
export const CommentIcon = () => (
  <Icon>
    <path d="M3.5 4.5h13v9h-7l-3.5 3v-3H3.5z" />
  </Icon>
);
export const LockIcon = () => (
  <Icon>
    <rect x="4.5" y="9" width="11" height="8" rx="1.5" />
    <path d="M7 9V6.5a3 3 0 016 0V9" />
  </Icon>
);
export const TimerIcon = () => (
  <Icon>
    <circle cx="10" cy="11" r="6" />
    <path d="M10 11V7.5M8 2.5h4" />
  </Icon>
);
export const GatherIcon = () => (
  <Icon>
    <path d="M3 3l4.5 4.5M17 3l-4.5 4.5M3 17l4.5-4.5M17 17l-4.5-4.5" />
    <circle cx="10" cy="10" r="2" />
  </Icon>
);
export const SpotlightIcon = () => (
  <Icon>
    <circle cx="10" cy="10" r="6.5" />
    <circle cx="10" cy="10" r="2.5" fill="currentColor" />
  </Icon>
);
export const PrivateIcon = () => (
  <Icon>
    <path d="M2.5 10s2.8-5 7.5-5 7.5 5 7.5 5-2.8 5-7.5 5-7.5-5-7.5-5z" />
    <path d="M3 17L17 3" />
  </Icon>
);
export const QrIcon = () => (
  <Icon>
    <rect x="3" y="3" width="5" height="5" />
    <rect x="12" y="3" width="5" height="5" />
    <rect x="3" y="12" width="5" height="5" />
    <path d="M12 12h2v2h-2zM15 15h2v2h-2z" />
  </Icon>
);
export const RotateIcon = () => (
  <Icon>
    <path d="M15.5 7A6 6 0 104 11" />
    <path d="M16 3v4h-4" />
  </Icon>
);
