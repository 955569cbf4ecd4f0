// Fan-out of updates and presence between server processes serving the same workshops.
import type { FanoutMessage } from './fanoutMessages.ts';

export interface Fanout {
  /** Starts delivering a workshop's messages from other processes to `handler`. */
  subscribe(workshopId: string, handler: (message: FanoutMessage) => void): Promise<void>;
  unsubscribe(workshopId: string): Promise<void>;
  /** Best effort: a message lost here is recovered by the receivers' catch-up from storage. */
  publish(workshopId: string, message: FanoutMessage): void;
  /** Called after the bus comes back from an outage, when messages may have been missed. */
  onResume(listener: () => void): void;
  readonly healthy: boolean;
  close(): Promise<void>;
}
