// Latest-wins for overlapping asynchronous work (a second upload while the first is still decoding, a new
// intervention while the last one runs): each start takes a ticket, and only the newest ticket may publish.

export interface Latest {
  /** Starts a new request; every earlier ticket becomes stale. */
  next(): number;
  isCurrent(ticket: number): boolean;
}

export function latest(): Latest {
  let counter = 0;
  return {
    next: () => ++counter,
    isCurrent: (ticket) => ticket === counter,
  };
}
