// Entry of the plan worker thread: loads TypeScript through tsx (as scripts/start.mjs does for
// the server), whatever flags the parent process was started with, then runs the tasks.
import { register } from 'tsx/esm/api';

register();
await import('./planWorkerTasks.ts');
