const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeText(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_match, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity];
  });
}

/** Text of an element: CDATA sections joined (WeChat splits "]]>" across two), entities decoded. */
function textOf(inner: string): string {
  const trimmed = inner.trim();
  if (trimmed.startsWith('<![CDATA[')) {
    return [...trimmed.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((match) => match[1]).join('');
  }
  return decodeText(inner);
}

/** Index just past the element closing `name` that opens before `from`, skipping CDATA and nesting. */
function closingEnd(xml: string, name: string, from: number): { innerEnd: number; end: number } {
  let depth = 1;
  let index = from;
  const open = new RegExp(`^<${name}(\\s[^>]*)?>`);
  while (index < xml.length) {
    const next = xml.indexOf('<', index);
    if (next < 0) break;
    if (xml.startsWith('<![CDATA[', next)) {
      const close = xml.indexOf(']]>', next);
      index = close < 0 ? xml.length : close + 3;
    } else if (xml.startsWith(`</${name}>`, next)) {
      depth -= 1;
      if (depth === 0) return { innerEnd: next, end: next + name.length + 3 };
      index = next + name.length + 3;
    } else {
      if (open.test(xml.slice(next, next + name.length + 100)) && !xml.slice(next).match(/^<[^>]*\/>/)) depth += 1;
      index = next + 1;
    }
  }
  throw new Error(`unclosed <${name}>`);
}

/** The child elements of `xml`'s root, or of an inner fragment. */
function children(fragment: string): Array<[string, string]> {
  const result: Array<[string, string]> = [];
  let index = 0;
  const tag = /<([A-Za-z_][\w.-]*)(\s[^>]*?)?(\/?)>/g;
  while (index < fragment.length) {
    tag.lastIndex = index;
    const match = tag.exec(fragment);
    if (!match) break;
    const [whole, name, , selfClosing] = match;
    const start = match.index + whole.length;
    if (selfClosing) {
      result.push([name, '']);
      index = start;
      continue;
    }
    const { innerEnd, end } = closingEnd(fragment, name, start);
    result.push([name, fragment.slice(start, innerEnd)]);
    index = end;
  }
  return result;
}

/**
 * Reads WeChat's flat XML into name → text for the root's children (first occurrence wins;
 * a nested element is returned as its inner XML, for {@link parseWechatXmlFragment}).
 * Throws when the document has no root element.
 */
export function parseWechatXml(xml: string): Record<string, string> {
  const body = xml.replace(/^\s*<\?xml[^>]*\?>/, '').trim();
  const root = /^<([A-Za-z_][\w.-]*)(\s[^>]*)?>/.exec(body);
  if (!root) throw new Error('not an XML document');
  const { innerEnd } = closingEnd(body, root[1], root[0].length);
  return parseWechatXmlFragment(body.slice(root[0].length, innerEnd));
}

/** Like {@link parseWechatXml} for the inside of an element. */
export function parseWechatXmlFragment(fragment: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, inner] of children(fragment)) {
    if (name in fields) continue;
    fields[name] = /^\s*<(?!!\[CDATA\[)/.test(inner) ? inner : textOf(inner);
  }
  return fields;
}
