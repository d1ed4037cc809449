import { catalogueIndex } from '../../catalogue/catalogueCache';
import type { ToySummary } from '../../catalogue/ToyIndex';
import type { OaRequest } from '../OaRequest';
import type { Answer } from '../replies/Reply';
import { textAnswer } from '../replies/Reply';

/** Splits "<toy name> <question>" into the toy part, or null when the text is not that question. */
export function toyPartOf(text: string, question: RegExp): string | null {
  const match = question.exec(text);
  if (!match) return null;
  return (match[1] ?? '').replace(/^(请问|你好|您好|问一下|想问下?|我想问下?|这个|那个)[,，\s]*/u, '').trim();
}

/**
 * Finds the toy a follower asks about and answers with `describe`; asks which one when the
 * name fits several toys, and says so when it fits none (or passes, with `silentIfUnknown`).
 */
export async function answerAboutToy(
  request: OaRequest,
  toyPart: string,
  suffix: string,
  describe: (toy: ToySummary) => Promise<string>,
  options: { silentIfUnknown?: boolean } = {},
): Promise<Answer | null> {
  if (toyPart === '') return textAnswer(`想问哪款玩具呢？请发送“玩具名称 ${suffix}”，例如“乐高城市警察局 ${suffix}”。`);
  const index = await catalogueIndex(request.system.dataSource, request.system.config.catalogue.cacheSeconds);
  const match = index.match(toyPart);
  if (match.kind === 'none') {
    // "有没有优惠" is not a toy: let the later steps answer it.
    if (options.silentIfUnknown) return null;
    return textAnswer(`没有找到“${toyPart.slice(0, 30)}”这款玩具，换个叫法试试，或点菜单「联系店员」问问我们。`);
  }
  if (match.kind === 'many') {
    const choices = match.toys.map((toy, position) => `${position + 1}. ${toy.name}`).join('\n');
    return textAnswer(`您问的是哪一款？\n${choices}\n请发送完整名称加“${suffix}”。`);
  }
  return textAnswer(await describe(match.toy));
}
