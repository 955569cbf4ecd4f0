// Counters an operator reads (exposed on /metrics): refusals by reason and traffic.
export class Counters {
  readonly refusals = new Map<string, number>();
  updatesApplied = 0;
  updateBytes = 0;

  refuse(reason: string): void {
    this.refusals.set(reason, (this.refusals.get(reason) ?? 0) + 1);
  }

  refusalCount(reason: string): number {
    return this.refusals.get(reason) ?? 0;
  }
}
