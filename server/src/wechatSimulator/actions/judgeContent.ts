import type { RuntimeSettings } from '../simulatorOptions';

/** One msg_sec_check finding, in WeChat's `detail[]` shape. */
export interface ContentDetail {
  strategy: 'content_model' | 'keyword';
  errcode: number;
  suggest: 'pass' | 'review' | 'risky';
  label: number;
  prob?: number;
  keyword?: string;
  level?: number;
}

/** The verdict on some texts. */
export interface ContentVerdict {
  suggest: 'pass' | 'review' | 'risky';
  /** 100 normal; the risky word's label otherwise (21000 "other" for review words). */
  label: number;
  detail: ContentDetail[];
}

/**
 * Judges texts with the configured word lists: any risky word makes it `risky` (first
 * word's label), else any review word makes it `review`, else `pass` (label 100).
 */
export function judgeContent(settings: RuntimeSettings, texts: string[]): ContentVerdict {
  const joined = texts.join('\n');
  const detail: ContentDetail[] = [];
  for (const [word, label] of settings.riskyWords) {
    if (joined.includes(word)) detail.push({ strategy: 'keyword', errcode: 0, suggest: 'risky', label, level: 90, keyword: word });
  }
  for (const word of settings.reviewWords) {
    if (joined.includes(word)) detail.push({ strategy: 'keyword', errcode: 0, suggest: 'review', label: 21000, level: 50, keyword: word });
  }
  const worst = detail.find((item) => item.suggest === 'risky') ?? detail.find((item) => item.suggest === 'review');
  const suggest = worst?.suggest ?? 'pass';
  const label = worst?.label ?? 100;
  return { suggest, label, detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: worst ? 90 : 0 }, ...detail] };
}
