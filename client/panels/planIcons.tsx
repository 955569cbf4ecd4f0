// Icons of the inspector, the SDG palette and the plan menus, in the style of icons.tsx.
import { Icon } from './icons.tsx';

export const ObjectiveIcon = () => (
  <Icon>
    <path d="M5 17V3.5" />
    <path d="M5 4h9.5l-2 3.2 2 3.3H5" />
  </Icon>
);
export const ActorIcon = () => (
  <Icon>
    <circle cx="7.5" cy="7" r="2.6" />
    <path d="M2.8 16c.5-2.7 2.4-4.3 4.7-4.3s4.2 1.6 4.7 4.3" />
    <circle cx="14" cy="7.8" r="2" />
    <path d="M13.6 11.8c1.8.1 3.2 1.5 3.6 3.7" />
  </Icon>
);
export const FrameIcon = () => (
  <Icon>
    <path d="M3.5 6.5v-3h3M13.5 3.5h3v3M16.5 13.5v3h-3M6.5 16.5h-3v-3" />
    <path d="M6.5 8h7M6.5 11h4.5" />
  </Icon>
);
export const GridIcon = () => (
  <Icon>
    <rect x="3" y="3" width="5.5" height="5.5" rx="1.2" />
    <rect x="11.5" y="3" width="5.5" height="5.5" rx="1.2" />
    <rect x="3" y="11.5" width="5.5" height="5.5" rx="1.2" />
    <rect x="11.5" y="11.5" width="5.5" height="5.5" rx="1.2" />
  </Icon>
);
export const SearchIcon = () => (
  <Icon size={16}>
    <circle cx="8.5" cy="8.5" r="5" />
    <path d="M12.3 12.3L16.5 16.5" />
  </Icon>
);
export const DownloadIcon = () => (
  <Icon>
    <path d="M10 3.5v9M6 8.8l4 4 4-4" />
    <path d="M3.5 13.5v2.5h13v-2.5" />
  </Icon>
);
export const UploadIcon = () => (
  <Icon>
    <path d="M10 13V4M6 7.7l4-4 4 4" />
    <path d="M3.5 13.5v2.5h13v-2.5" />
  </Icon>
);
export const ChevronDownIcon = () => (
  <Icon size={16}>
    <path d="M6 8l4 4 4-4" />
  </Icon>
);
export const FileIcon = () => (
  <Icon>
    <path d="M5 2.8h6.5l3.5 3.5v10.9H5z" />
    <path d="M11.3 2.8v3.7H15" />
  </Icon>
);
export const ImageIcon = () => (
  <Icon>
    <rect x="3" y="4" width="14" height="12" rx="1.8" />
    <circle cx="7.5" cy="8" r="1.4" />
    <path d="M3.5 14l4-3.5 3 2.5 2.5-2 3.5 3" />
  </Icon>
);
export const TableIcon = () => (
  <Icon>
    <rect x="3" y="4" width="14" height="12" rx="1.5" />
    <path d="M3 8.5h14M3 12.3h14M8.2 4v12" />
  </Icon>
);
export const ChevronRightIcon = () => (
  <Icon>
    <path d="M8 5l5 5-5 5" />
  </Icon>
);
export const ArrowRightIcon = () => (
  <Icon size={16}>
    <path d="M4 10h11M11 6l4 4-4 4" />
  </Icon>
);
export const DragIcon = () => (
  <Icon size={14}>
    <circle cx="7.5" cy="5" r="0.9" fill="currentColor" />
    <circle cx="12.5" cy="5" r="0.9" fill="currentColor" />
    <circle cx="7.5" cy="10" r="0.9" fill="currentColor" />
    <circle cx="12.5" cy="10" r="0.9" fill="currentColor" />
    <circle cx="7.5" cy="15" r="0.9" fill="currentColor" />
    <circle cx="12.5" cy="15" r="0.9" fill="currentColor" />
  </Icon>
);
