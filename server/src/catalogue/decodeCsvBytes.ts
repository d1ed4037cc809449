import iconv from 'iconv-lite';

/** The encodings the import reads: UTF-8 (with or without BOM) and GBK as Chinese POS software writes it. */
export type CsvEncoding = 'utf-8' | 'gbk';

/** A decoded upload and the encoding it was read in. */
export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Decodes an uploaded CSV. With `encoding: 'auto'`, a file that is valid UTF-8 is read as
 * UTF-8 and anything else as GB18030 (a superset of GBK and GB2312), which is what Excel
 * and Chinese POS exports produce on a Chinese Windows.
 */
export function decodeCsvBytes(bytes: Buffer, encoding: CsvEncoding | 'auto' = 'auto'): DecodedCsv {
  if (encoding === 'gbk') return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gbk' };
  const body = bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes;
  if (encoding === 'utf-8') return { text: body.toString('utf8'), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gbk' };
  }
}
