/** A follower tag. */
export interface Tag {
  id: number;
  name: string;
}

/** WeChat's built-in tags: they cannot be changed or deleted and do not count toward the 100. */
export const SYSTEM_TAG_IDS = new Set([0, 1, 2]);

/** The account's tags; ids of new tags start at 100 as on WeChat. Membership lives on followers. */
export class TagStore {
  private readonly tags = new Map<number, Tag>();
  private nextId: number;

  constructor(private readonly firstId = 100) {
    this.nextId = firstId;
    this.reset();
  }

  /** Creates a tag (the route checks names and limits first). */
  create(name: string): Tag {
    const tag = { id: this.nextId++, name };
    this.tags.set(tag.id, tag);
    return tag;
  }

  /** A tag by id. */
  get(id: unknown): Tag | undefined {
    return typeof id === 'number' ? this.tags.get(id) : undefined;
  }

  /** A tag by name. */
  byName(name: string): Tag | undefined {
    return [...this.tags.values()].find((tag) => tag.name === name);
  }

  /** Every tag, system tags included. */
  list(): Tag[] {
    return [...this.tags.values()];
  }

  /** Tags created through the API (they count toward the limit). */
  userTagCount(): number {
    return this.list().filter((tag) => !SYSTEM_TAG_IDS.has(tag.id)).length;
  }

  /** Deletes a tag. */
  delete(id: number): void {
    this.tags.delete(id);
  }

  /** Back to the built-in tags only. */
  reset(): void {
    this.tags.clear();
    this.tags.set(2, { id: 2, name: '星标组' });
    this.nextId = this.firstId;
  }
}
