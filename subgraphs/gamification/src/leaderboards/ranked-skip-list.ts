/**
 * An order-statistic skip list (the structure behind Redis sorted sets): every link knows how many
 * entries it skips, so insert, remove, rank of an entry and entry at a rank are all O(log n) expected.
 * Order: higher score first, then lower `seq` first (the earlier arrival wins a tie); (score, seq) pairs
 * are unique because a board gives each change its own seq.
 */
const MAX_LEVEL = 32;
const LEVEL_UP_PROBABILITY = 0.25;

export interface RankedItem {
  score: number;
  seq: number;
  athleteId: string;
}

class SkipNode implements RankedItem {
  readonly next: (SkipNode | null)[];
  /** span[i]: how many positions next[i] is ahead of this node (to the end of the list when next[i] is null). */
  readonly span: number[];

  constructor(
    level: number,
    readonly score: number,
    readonly seq: number,
    readonly athleteId: string,
  ) {
    // Exactly `level` slots: arrays grown by push reserve room for 17, which triples the memory of a board.
    this.next = new Array<SkipNode | null>(level).fill(null);
    this.span = new Array<number>(level).fill(0);
  }
}

/** Whether `node` comes strictly before the position of (score, seq). */
const isBefore = (node: SkipNode, score: number, seq: number) =>
  node.score > score || (node.score === score && node.seq < seq);

export class RankedSkipList {
  private readonly head = new SkipNode(MAX_LEVEL, Infinity, -1, '');
  private level = 1;
  private count = 0;
  // Scratch space of insert and remove, kept to spare an allocation per call.
  private readonly update: SkipNode[] = new Array<SkipNode>(MAX_LEVEL).fill(this.head);
  private readonly rank: number[] = new Array<number>(MAX_LEVEL).fill(0);

  constructor(private readonly random: () => number = Math.random) {}

  get size(): number {
    return this.count;
  }

  /** Inserts the entry; returns it as stored (hold on to it to remove it later). */
  insert(item: RankedItem): RankedItem {
    const { update, rank } = this;
    let node = this.head;
    for (let i = this.level - 1; i >= 0; i -= 1) {
      rank[i] = i === this.level - 1 ? 0 : rank[i + 1]!;
      for (let next = node.next[i]; next && isBefore(next, item.score, item.seq); next = node.next[i]) {
        rank[i]! += node.span[i]!;
        node = next;
      }
      update[i] = node;
    }
    const level = this.randomLevel();
    for (let i = this.level; i < level; i += 1) {
      rank[i] = 0;
      update[i] = this.head;
      this.head.span[i] = this.count;
    }
    this.level = Math.max(this.level, level);
    const inserted = new SkipNode(level, item.score, item.seq, item.athleteId);
    for (let i = 0; i < level; i += 1) {
      const previous = update[i]!;
      const skipped = rank[0]! - rank[i]!;
      inserted.next[i] = previous.next[i] ?? null;
      previous.next[i] = inserted;
      inserted.span[i] = previous.span[i]! - skipped;
      previous.span[i] = skipped + 1;
    }
    for (let i = level; i < this.level; i += 1) update[i]!.span[i]! += 1;
    this.count += 1;
    return inserted;
  }

  /** Removes the entry (score, seq); false when there is none. */
  remove(score: number, seq: number): boolean {
    const { update } = this;
    let node = this.head;
    for (let i = this.level - 1; i >= 0; i -= 1) {
      for (let next = node.next[i]; next && isBefore(next, score, seq); next = node.next[i]) node = next;
      update[i] = node;
    }
    const found = node.next[0];
    if (!found || found.score !== score || found.seq !== seq) return false;
    for (let i = 0; i < this.level; i += 1) {
      const previous = update[i]!;
      if (previous.next[i] === found) {
        previous.span[i]! += found.span[i]! - 1;
        previous.next[i] = found.next[i] ?? null;
      } else {
        previous.span[i]! -= 1;
      }
    }
    while (this.level > 1 && !this.head.next[this.level - 1]) this.level -= 1;
    this.count -= 1;
    return true;
  }

  /** The 1-based position of (score, seq), or 0 when it is not in the list. */
  rankOf(score: number, seq: number): number {
    let node = this.head;
    let rank = 0;
    for (let i = this.level - 1; i >= 0; i -= 1) {
      for (
        let next = node.next[i];
        next && (isBefore(next, score, seq) || (next.score === score && next.seq === seq));
        next = node.next[i]
      ) {
        rank += node.span[i]!;
        node = next;
      }
      if (node !== this.head && node.score === score && node.seq === seq) return rank;
    }
    return 0;
  }

  /** At most `limit` entries from the 1-based position `from`, in order. */
  range(from: number, limit: number): RankedItem[] {
    const items: RankedItem[] = [];
    let node: SkipNode | null = this.nodeAt(from);
    while (node && items.length < limit) {
      items.push({ score: node.score, seq: node.seq, athleteId: node.athleteId });
      node = node.next[0] ?? null;
    }
    return items;
  }

  private nodeAt(rank: number): SkipNode | null {
    let node = this.head;
    let traversed = 0;
    for (let i = this.level - 1; i >= 0; i -= 1) {
      for (let next = node.next[i]; next && traversed + node.span[i]! <= rank; next = node.next[i]) {
        traversed += node.span[i]!;
        node = next;
      }
      if (traversed === rank) return node === this.head ? null : node;
    }
    return null;
  }

  private randomLevel(): number {
    let level = 1;
    while (level < MAX_LEVEL && this.random() < LEVEL_UP_PROBABILITY) level += 1;
    return level;
  }
}
