import { loadConfig } from '../../config/loadConfig';
import { storeCheckInScene } from '../../checkins/storeScenes';
import { parseQrScene } from '../followers/parseQrScene';
import { followerText } from '../intents/TextHandler';
import { toCoWechatReply } from '../replies/Reply';
import { dedupKeyOf } from './dedupKeyOf';
import type { InboundEvent } from './InboundMessage';
import { parseInboundMessage } from './InboundMessage';
import { inspectXml } from './inspectXml';

describe('callback building blocks', () => {
  const config = loadConfig();

  it('lets a WeChat push through and stops markup declarations, instructions and nesting', () => {
    expect(inspectXml('<xml><Content><![CDATA[<!DOCTYPE x> <?php ?> 你好]]></Content></xml>')).toBeNull();
    expect(inspectXml('<?xml version="1.0" encoding="utf-8"?><xml><A>1</A></xml>')).toBeNull();
    expect(inspectXml('<!DOCTYPE x><xml/>')).toBe('markup_declaration');
    expect(inspectXml('<xml><![CDATA[unclosed</xml>')).toBe('markup_declaration');
    expect(inspectXml('<xml><?x y?></xml>')).toBe('processing_instruction');
    expect(inspectXml(`<xml>${'<a>'.repeat(9)}${'</a>'.repeat(9)}</xml>`)).toBe('too_deep');
    expect(inspectXml(`<xml>${'<a/>'.repeat(500)}</xml>`)).toBe('too_many_elements');
    expect(inspectXml('hello')).toBe('not_xml');
  });

  it('reads QR scenes: signed store scenes, posters, campaigns, anything else', () => {
    const store = storeCheckInScene(config, '42');
    expect(parseQrScene(config, `qrscene_${store}`)).toEqual({ kind: 'store', code: '42', scene: store });
    expect(parseQrScene(config, store.slice(0, -1) + (store.endsWith('A') ? 'B' : 'A'))).toMatchObject({ kind: 'other' });
    expect(parseQrScene(config, 'qrscene_poster:spring-2026')).toEqual({ kind: 'poster', code: 'spring-2026', scene: 'poster:spring-2026' });
    expect(parseQrScene(config, 'campaign:618')).toEqual({ kind: 'campaign', code: '618', scene: 'campaign:618' });
    expect(parseQrScene(config, 'qrscene_12345')).toEqual({ kind: 'other', code: null, scene: '12345' });
    expect(parseQrScene(config, '')).toEqual({ kind: 'none', code: null, scene: null });
  });

  it('keys messages by MsgId and events by sender, time, event, key and template MsgID', () => {
    const base = { ToUserName: 'gh', FromUserName: 'o1', CreateTime: '1700000000' };
    expect(dedupKeyOf(parseInboundMessage({ ...base, MsgType: 'text', Content: 'hi', MsgId: '9223372036854775807' }))).toBe('m:9223372036854775807');
    const event = (extra: Record<string, string>) => dedupKeyOf(parseInboundMessage({ ...base, MsgType: 'event', Event: 'CLICK', ...extra }));
    expect(event({ EventKey: 'A' })).toBe(event({ EventKey: 'A' }));
    expect(event({ EventKey: 'A' })).not.toBe(event({ EventKey: 'B' }));
    const result = (msgId: string) => event({ Event: 'TEMPLATESENDJOBFINISH', MsgID: msgId, Status: 'success' });
    expect(result('1')).not.toBe(result('2'));
    const parsed = parseInboundMessage({ ...base, MsgType: 'event', Event: 'TEMPLATESENDJOBFINISH', MsgID: '18446744073709551615', Status: 'success' }) as InboundEvent;
    expect(parsed.templateMsgId).toBe('18446744073709551615');
  });

  it('never answers co-wechat with undefined or "success"', () => {
    expect(toCoWechatReply({ type: 'empty' })).toBe('');
    expect(toCoWechatReply({ type: 'text', content: '  ' })).toBe('');
    expect(toCoWechatReply({ type: 'text', content: '你好' })).toBe('你好');
    expect(toCoWechatReply({ type: 'transfer' })).toEqual({ type: 'customerService' });
    expect(toCoWechatReply({ type: 'image', mediaId: 'M' })).toEqual({ type: 'image', content: { mediaId: 'M' } });
  });

  it('cleans a follower’s text for the intents', () => {
    expect(followerText('  ＬＥＧＯ   警察局  适合几岁？？ ')).toEqual({ raw: 'ＬＥＧＯ   警察局  适合几岁？？', clean: 'LEGO 警察局 适合几岁' });
  });
});
