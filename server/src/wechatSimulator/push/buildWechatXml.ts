/** A value written without CDATA: 64-bit ids kept as digit strings. */
export interface XmlRaw {
  raw: string;
}

/** An XML element's content: text (CDATA), a number, raw digits, child elements or repeats. */
export type XmlValue = string | number | XmlRaw | XmlFields | XmlValue[];

/** Child elements by name, in the order they are written. */
export interface XmlFields {
  [name: string]: XmlValue;
}

function isRaw(value: XmlValue): value is XmlRaw {
  return typeof value === 'object' && !Array.isArray(value) && typeof (value as XmlRaw).raw === 'string' && Object.keys(value).length === 1;
}

/** CDATA cannot contain "]]>", so it is split across two sections, as WeChat's SDKs do. */
function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

function element(name: string, value: XmlValue): string {
  if (Array.isArray(value)) return value.map((item) => element(name, item)).join('');
  if (typeof value === 'string') return `<${name}>${cdata(value)}</${name}>`;
  if (typeof value === 'number') return `<${name}>${value}</${name}>`;
  if (isRaw(value)) return `<${name}>${value.raw}</${name}>`;
  return `<${name}>${fieldsXml(value)}</${name}>`;
}

function fieldsXml(fields: XmlFields): string {
  return Object.entries(fields)
    .map(([name, value]) => element(name, value))
    .join('');
}

/** Writes `<xml>...</xml>` the way WeChat does: strings in CDATA, numbers bare. */
export function buildWechatXml(fields: XmlFields): string {
  return `<xml>${fieldsXml(fields)}</xml>`;
}
