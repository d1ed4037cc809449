import type { ToyCategory } from '@toyclub/shared';
import { normaliseToyText } from './normaliseToyText';

/** What the intents need to know about a toy. */
export interface ToySummary {
  id: string;
  sku: string;
  name: string;
  aliases: string[];
  category: ToyCategory;
  minAgeMonths: number | null;
  maxAgeMonths: number | null;
  priceFen: number;
  stock: number;
}

/** The outcome of looking a name up: no toy, one toy, or several the follower must choose from. */
export type ToyMatch = { kind: 'none' } | { kind: 'one'; toy: ToySummary } | { kind: 'many'; toys: ToySummary[] };

interface IndexedToy {
  toy: ToySummary;
  keys: string[];
}

const EXACT = 1000;
const CONTAINS_KEY = 500;
const PARTIAL = 100;

/** How well `query` names the toy with these keys: exact, the query contains a name, or a name contains the query. */
function score(query: string, keys: string[]): number {
  let best = 0;
  for (const key of keys) {
    if (key === query) return EXACT;
    if (key.length >= 2 && query.includes(key)) best = Math.max(best, CONTAINS_KEY + key.length);
    else if (query.length >= 2 && key.includes(query)) best = Math.max(best, PARTIAL + Math.round((100 * query.length) / key.length));
  }
  return best;
}

/**
 * The catalogue in memory, searchable by loose names: the name, each alias and the sku,
 * compared after {@link normaliseToyText}. A query may contain a name ("请问乐高警察局")
 * or be part of one ("警察局"); when several toys fit equally, all are returned.
 */
export class ToyIndex {
  private readonly entries: IndexedToy[];

  constructor(toys: ToySummary[]) {
    this.entries = toys.map((toy) => ({
      toy,
      keys: [toy.name, ...toy.aliases, toy.sku].map(normaliseToyText).filter((key) => key.length > 0),
    }));
  }

  get size(): number {
    return this.entries.length;
  }

  /** Finds the toy `text` names. */
  match(text: string, limit = 3): ToyMatch {
    const query = normaliseToyText(text);
    if (query.length === 0) return { kind: 'none' };
    const scored = this.entries
      .map((entry) => ({ toy: entry.toy, score: score(query, entry.keys) }))
      .filter((entry) => entry.score > 0)
      .sort((a, b) => b.score - a.score || a.toy.name.length - b.toy.name.length);
    if (scored.length === 0) return { kind: 'none' };
    const top = scored.filter((entry) => entry.score === scored[0].score);
    if (top.length === 1) return { kind: 'one', toy: top[0].toy };
    return { kind: 'many', toys: top.slice(0, limit).map((entry) => entry.toy) };
  }
}
