import { formatFen } from './formatFen';
import type { TextHandler } from './TextHandler';
import { answerAboutToy, toyPartOf } from './toyQuestion';

const STOCK_QUESTION =
  /^(.*?)\s*(?:有货吗|有没有货|还有货吗|有现货吗|有没有现货|有库存吗|还有库存吗|有货没|有货没有|到货了吗|还有吗|有卖吗|卖完了吗)$/u;
const HAVE_TOY = /^(?:请问)?(?:店里|你们)?(?:有没有|还有没有)(.+?)(?:卖|呢|啊)?$/u;

/** "<toy> 有货吗" / "有没有货" / "有没有<toy>": stock (read fresh, not from the cached catalogue) and price. */
export const toyStockIntent: TextHandler = async (request, text) => {
  const asked = toyPartOf(text.clean, STOCK_QUESTION);
  const toyPart = asked ?? toyPartOf(text.clean, HAVE_TOY);
  if (toyPart === null) return null;
  const { dataSource } = request.system;
  return answerAboutToy(request, toyPart, '有货吗', async (toy) => {
    const rows = (await dataSource.query('SELECT stock, price_fen FROM toys WHERE id = ?', [toy.id])) as Array<{ stock: number; price_fen: string }>;
    const stock = rows[0]?.stock ?? 0;
    const price = formatFen(Number(rows[0]?.price_fen ?? toy.priceFen));
    if (stock <= 0) return `${toy.name}：暂时缺货（${price}）。可以点菜单「联系店员」预订，到货后通知您。`;
    if (stock <= 3) return `${toy.name}：有货，仅剩 ${stock} 件（${price}），想要的话早点来哦～`;
    return `${toy.name}：有货（${price}），欢迎到店选购。`;
  }, { silentIfUnknown: asked === null });
};
