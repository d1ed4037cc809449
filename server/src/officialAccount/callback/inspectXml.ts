/** Why a push body was refused before parsing. */
export type XmlProblem = 'markup_declaration' | 'processing_instruction' | 'too_deep' | 'too_many_elements' | 'not_xml';

const MAX_DEPTH = 8;
const MAX_ELEMENTS = 400;

/**
 * Refuses, before any parser sees it, what a WeChat push never contains: DOCTYPE and ENTITY
 * declarations (entity expansion, external entities), processing instructions other than
 * a leading `<?xml ...?>`, deep nesting and huge element counts. Pushes are a flat `<xml>`
 * with a handful of fields (one level more for events with lists).
 */
export function inspectXml(xml: string): XmlProblem | null {
  const text = xml.replace(/^\uFEFF/, '').replace(/^\s*<\?xml\s[^?]*\?>/, '').trimStart();
  if (!text.startsWith('<')) return 'not_xml';
  // CDATA sections may hold anything, including "<!" and "<?": skip them when scanning.
  const markup = text.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  if (markup.includes('<!')) return 'markup_declaration';
  if (markup.includes('<?')) return 'processing_instruction';
  let depth = 0;
  let elements = 0;
  for (const match of markup.matchAll(/<(\/?)[A-Za-z_][^>]*?(\/?)>/g)) {
    if (match[1] === '/') {
      depth -= 1;
      continue;
    }
    elements += 1;
    if (match[2] !== '/') depth += 1;
    if (depth > MAX_DEPTH) return 'too_deep';
    if (elements > MAX_ELEMENTS) return 'too_many_elements';
  }
  return null;
}
