// The entry: before the app's code is evaluated, a board link starts downloading its board (the
// largest transfer of a visit), so that it overlaps the page's start-up; then the app mounts.
import { prefetchForLocation } from './app/prefetch.ts';

prefetchForLocation();
void import('./app/mount.tsx').then(({ mountApp }) => mountApp());
