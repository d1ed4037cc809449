import { buildWechatXml } from './buildWechatXml';
import { parseWechatXml, parseWechatXmlFragment } from './parseWechatXml';

describe('WeChat XML helpers', () => {
  it('writes strings in CDATA, numbers and raw ids bare, and reads them back', () => {
    const xml = buildWechatXml({ ToUserName: 'gh_1', CreateTime: 1700000000, MsgId: { raw: '9223372036854775807' }, Content: 'a ]]> b <c>' });
    expect(xml).toBe(
      '<xml><ToUserName><![CDATA[gh_1]]></ToUserName><CreateTime>1700000000</CreateTime>' +
        '<MsgId>9223372036854775807</MsgId><Content><![CDATA[a ]]]]><![CDATA[> b <c>]]></Content></xml>',
    );
    expect(parseWechatXml(xml)).toEqual({ ToUserName: 'gh_1', CreateTime: '1700000000', MsgId: '9223372036854775807', Content: 'a ]]> b <c>' });
  });

  it('reads entities, self-closing elements, a declaration and nested elements', () => {
    const fields = parseWechatXml('<?xml version="1.0"?>\n<xml><A>x &amp; y</A><B/><Image><MediaId><![CDATA[m1]]></MediaId></Image></xml>');
    expect(fields.A).toBe('x & y');
    expect(fields.B).toBe('');
    expect(parseWechatXmlFragment(fields.Image)).toEqual({ MediaId: 'm1' });
  });

  it('writes repeated elements from arrays', () => {
    expect(buildWechatXml({ List: [{ TemplateId: 't1' }, { TemplateId: 't2' }] })).toBe(
      '<xml><List><TemplateId><![CDATA[t1]]></TemplateId></List><List><TemplateId><![CDATA[t2]]></TemplateId></List></xml>',
    );
  });

  it('refuses text that is not XML', () => {
    expect(() => parseWechatXml('{"a":1}')).toThrow();
  });
});
