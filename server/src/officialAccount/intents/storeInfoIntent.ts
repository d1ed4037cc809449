import type { DataSource } from 'typeorm';
import { textAnswer } from '../replies/Reply';
import type { TextHandler } from './TextHandler';

interface StoreRow {
  name: string;
  address: string;
  phone: string;
  opening_hours: string;
}

const HOURS = /营业时间|几点开门|几点关门|开门时间|关门时间|几点营业|营业到几点|几点下班|开门吗/;
const ADDRESS = /地址|在哪|怎么走|位置|门店在|怎么去/;
const HOW_TO_BUY = /怎么买|如何购买|哪里买|在哪买|怎么下单|网上买|能网购|购买方式|怎么购买/;

async function storesOf(dataSource: DataSource): Promise<StoreRow[]> {
  // Stores without any details yet have nothing to tell a parent.
  return (await dataSource.query(
    "SELECT name, address, phone, opening_hours FROM stores WHERE address <> '' OR opening_hours <> '' OR phone <> '' ORDER BY id LIMIT 10",
  )) as StoreRow[];
}

function storeLine(store: StoreRow, what: 'hours' | 'address' | 'all'): string {
  const parts = [`· ${store.name}`];
  if (what !== 'hours' && store.address) parts.push(`地址：${store.address}`);
  if (what !== 'address' && store.opening_hours) parts.push(`营业时间：${store.opening_hours}`);
  if (store.phone) parts.push(`电话：${store.phone}`);
  return parts.join('  ');
}

/** 营业时间 / 地址 / 怎么买: the stores' hours, addresses and phones, and how buying works. */
export const storeInfoIntent: TextHandler = async (request, text) => {
  const what = HOW_TO_BUY.test(text.clean) ? 'all' : HOURS.test(text.clean) ? 'hours' : ADDRESS.test(text.clean) ? 'address' : null;
  if (!what) return null;
  const { config, dataSource } = request.system;
  const stores = await storesOf(dataSource);
  const lines: string[] = [];
  if (what === 'all') lines.push(config.officialAccount.texts.howToBuy);
  if (stores.length === 0) lines.push('门店信息还在整理中，请点菜单「联系店员」咨询。');
  else lines.push(what === 'hours' ? '门店营业时间：' : '门店信息：', ...stores.map((store) => storeLine(store, what)));
  return textAnswer(lines.join('\n'));
};
