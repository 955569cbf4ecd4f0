// A request a page starts before it needs the answer (workshop id and token in, a promise out),
// handed out once: whoever takes it later gets that answer, and a second take fetches anew.
const keyOf = (workshopId: string, token: string) => `${workshopId}\n${token}`;

export class Prefetched<T> {
  private readonly pending = new Map<string, Promise<T>>();

  constructor(private readonly fetcher: (workshopId: string, token: string) => Promise<T>) {}

  /** Starts the request unless one for this workshop and token is already under way. */
  start(workshopId: string, token: string): void {
    const key = keyOf(workshopId, token);
    if (!this.pending.has(key)) this.pending.set(key, this.fetcher(workshopId, token));
  }

  /** The answer of the request started earlier, or of one started now. */
  take(workshopId: string, token: string): Promise<T> {
    this.start(workshopId, token);
    const key = keyOf(workshopId, token);
    const answer = this.pending.get(key) as Promise<T>;
    this.pending.delete(key);
    return answer;
  }
}
