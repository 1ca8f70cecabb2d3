// Where each video id sits in the playlist's rows. Plain upload order shows every lecture in
// column order, so a lecture's position is its row and nothing is built; any other list (a
// course, or with watched lectures hidden) gets one typed array, not a Map of 10,000 entries.

export interface RowLookup {
  readonly size: number;
  rowOf(videoId: string): number | undefined;
}

export class RowPositions {
  readonly #lookup: RowLookup;
  /** Position by column row, -1 when not shown; null when rows are the columns themselves. */
  readonly #pos: Int32Array | null;

  /** `identity`: `rows` is the whole ids column, in order. */
  constructor(rows: readonly string[], lookup: RowLookup, identity: boolean) {
    this.#lookup = lookup;
    this.#pos = identity ? null : new Int32Array(lookup.size).fill(-1);
    if (this.#pos) {
      const pos = this.#pos;
      rows.forEach((id, i) => {
        const r = lookup.rowOf(id);
        if (r !== undefined) pos[r] = i;
      });
    }
  }

  get(videoId: string): number | undefined {
    const r = this.#lookup.rowOf(videoId);
    if (r === undefined) return undefined;
    const p = this.#pos ? (this.#pos[r] ?? -1) : r;
    return p < 0 ? undefined : p;
  }

  has(videoId: string): boolean {
    return this.get(videoId) !== undefined;
  }
}
