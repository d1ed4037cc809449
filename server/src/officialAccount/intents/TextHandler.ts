import type { OaRequest } from '../OaRequest';
import type { InboundText } from '../callback/InboundMessage';
import type { Answer } from '../replies/Reply';

/** A follower's text, trimmed and folded to half-width, with trailing punctuation removed. */
export interface FollowerText {
  /** As the follower wrote it, trimmed. */
  raw: string;
  /** NFKC-folded, trailing `?？!！。~` removed, inner whitespace collapsed. */
  clean: string;
}

/**
 * One step of the text pipeline: answers the text, or returns null to let the next step
 * try. Steps run in order: owner commands, hand-off, the owner's keyword rules, then the
 * built-in intents, then the fallback.
 */
export type TextHandler = (request: OaRequest<InboundText>, text: FollowerText) => Promise<Answer | null>;

/** Prepares a text for the handlers. */
export function followerText(content: string): FollowerText {
  const raw = content.trim();
  const clean = raw
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .replace(/[?!.~。？！～…]+$/u, '')
    .trim();
  return { raw, clean };
}
