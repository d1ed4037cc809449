import type { OfficialAccountHarness } from '../testing/startOfficialAccountHarness';
import { eventually, startOfficialAccountHarness } from '../testing/startOfficialAccountHarness';
import { createFollower, newOpenid } from '../testing/factories/createFollower';
import { createMember } from '../testing/factories/createMember';
import { memberClient } from '../testing/factories/memberClient';
import { createStaff, staffClient } from '../testing/factories/createStaff';
import { createStore } from '../testing/factories/createStore';
import { postPush, signedPush } from '../testing/signedPush';
import { bindFollowerOfMember } from './followers/bindFollower';
import { recordTemplateSend } from './templateSends/templateSendRecords';
import type { StoreQrCodeDto } from '@toyclub/shared';
import { bindingTokenIn, ownerClient, replyText } from './testSupport';

interface FollowerRow {
  member_id: string | null;
  subscribed: number;
  reachable: number;
  unreachable_reason: string | null;
  first_channel: string | null;
  first_store_id: string | null;
  last_store_id: string | null;
  bound_via: string | null;
}

describe('official-account events through real signed pushes from the simulator', () => {
  let harness: OfficialAccountHarness;
  let owner: Awaited<ReturnType<typeof ownerClient>>;

  beforeAll(async () => {
    harness = await startOfficialAccountHarness();
    owner = await ownerClient(harness);
  });
  afterAll(() => harness.close());

  const follower = async (openid: string): Promise<FollowerRow | undefined> =>
    ((await harness.system.dataSource.query('SELECT * FROM oa_followers WHERE openid = ?', [openid])) as FollowerRow[])[0];

  const registration = async (memberId: string) =>
    ((await harness.system.dataSource.query('SELECT registration_channel, registration_store_id FROM members WHERE id = ?', [memberId])) as Array<{
      registration_channel: string | null;
      registration_store_id: string | null;
    }>)[0];

  async function storeQr(storeName: string): Promise<{ storeId: string; ticket: string; scene: string }> {
    const { store } = await createStore(harness.system, { name: storeName });
    const created = await owner.post<StoreQrCodeDto>(`/api/admin/oa/stores/${store.id}/qrcode`);
    expect(created.status).toBe(200);
    return { storeId: store.id, ticket: created.body.ticket, scene: created.body.scene };
  }

  it('follows through a store’s QR code, binds with the one-time link, then checks in by scanning', async () => {
    const qr = await storeQr('万达店');
    const openid = newOpenid();
    const followed = await harness.sim.scan(openid, qr.ticket);
    expect(followed.fields.Event).toBe('subscribe');
    expect(followed.outcome).toBe('reply');
    const welcome = replyText(followed);
    expect(welcome).toContain('欢迎来到万达店');
    expect(welcome).toContain('data-miniprogram-path="pages/card/index?oaBind=');
    expect(await follower(openid)).toMatchObject({ subscribed: 1, reachable: 1, first_channel: qr.scene, first_store_id: String(qr.storeId) });
    const attribution = (await harness.system.dataSource.query('SELECT event, channel_kind, channel_code FROM oa_channel_events WHERE openid = ?', [openid])) as unknown[];
    expect(attribution).toEqual([{ event: 'subscribe', channel_kind: 'store', channel_code: String(qr.storeId) }]);

    const { member, token } = await createMember(harness.system);
    const parent = memberClient(harness.server.baseUrl, token);
    const bindingToken = bindingTokenIn(welcome)!;
    expect(await parent.post('/api/mp/oa-binding', { token: bindingToken })).toEqual({ status: 200, body: { bound: true, subscribed: true } });
    expect(await registration(member.id)).toEqual({ registration_channel: qr.scene, registration_store_id: String(qr.storeId) });
    expect(await parent.post('/api/mp/oa-binding', { token: bindingToken })).toMatchObject({ status: 200 });
    const other = await createMember(harness.system);
    expect((await memberClient(harness.server.baseUrl, other.token).post('/api/mp/oa-binding', { token: bindingToken })).status).toBe(410);
    expect(await follower(openid)).toMatchObject({ member_id: String(member.id), bound_via: 'link' });

    const scanned = await harness.sim.scan(openid, qr.ticket);
    expect(scanned.fields.Event).toBe('SCAN');
    expect(replyText(scanned)).toMatch(/签到成功，获得 \d+ 积分/);
    // Same sender, second, event and key is a re-delivery by definition: scan again a bit later.
    harness.sim.advanceClock(2000);
    const again = await harness.sim.scan(openid, qr.ticket);
    expect(replyText(again)).toContain('今天已经签到过了');
    const checkIns = (await harness.system.dataSource.query('SELECT store_id FROM check_ins WHERE member_id = ?', [member.id])) as unknown[];
    expect(checkIns).toEqual([{ store_id: String(qr.storeId) }]);
  });

  it('attributes follows through a poster’s temporary QR code to the poster', async () => {
    const created = await owner.post<{ scene: string; ticket: string; expireSeconds: number | null }>('/api/admin/oa/qrcodes', { kind: 'poster', code: 'spring-window', expireDays: 7 });
    expect(created.body).toMatchObject({ scene: 'poster:spring-window', expireSeconds: 7 * 86_400 });
    const openid = newOpenid();
    const followed = await harness.sim.scan(openid, created.body.ticket);
    expect(replyText(followed)).toContain('欢迎关注');
    expect(await follower(openid)).toMatchObject({ first_channel: 'poster:spring-window', first_store_id: null });
    const attribution = (await harness.system.dataSource.query('SELECT channel_kind, channel_code FROM oa_channel_events WHERE openid = ?', [openid])) as unknown[];
    expect(attribution).toEqual([{ channel_kind: 'poster', channel_code: 'spring-window' }]);
  });

  it('binds a new follower to the member with the same unionid, looked up by a job after the reply', async () => {
    const { member } = await createMember(harness.system);
    const unionid = `u${member.id}x${Date.now()}`;
    await harness.system.dataSource.query('UPDATE members SET unionid = ? WHERE id = ?', [unionid, member.id]);
    const openid = newOpenid();
    harness.sim.addFollower({ openid, unionid, subscribed: false });
    const followed = await harness.sim.push({ openid, msgType: 'event', event: 'subscribe' });
    expect(replyText(followed)).toContain('欢迎关注');
    await eventually(async () => (await follower(openid))?.member_id ?? null, 'the unionid binding');
    expect(await follower(openid)).toMatchObject({ member_id: String(member.id), bound_via: 'unionid' });
    expect(harness.sim.calls('/cgi-bin/user/info').some((call) => call.query.openid === openid)).toBe(true);
  });

  it('binds the follower when the member with their unionid signs in later', async () => {
    const openid = newOpenid();
    const unionid = `u-later-${openid}`;
    harness.sim.addFollower({ openid, unionid, subscribed: false });
    await harness.sim.push({ openid, msgType: 'event', event: 'subscribe' });
    await eventually(async () => {
      const rows = (await harness.system.dataSource.query('SELECT unionid FROM oa_followers WHERE openid = ?', [openid])) as Array<{ unionid: string | null }>;
      return rows[0]?.unionid;
    }, 'the follower’s unionid');
    const { member } = await createMember(harness.system);
    await harness.system.dataSource.query('UPDATE members SET unionid = ? WHERE id = ?', [unionid, member.id]);
    expect(await bindFollowerOfMember(harness.system.dataSource, member.id, unionid)).toBe(openid);
    expect(await follower(openid)).toMatchObject({ member_id: String(member.id), bound_via: 'unionid' });
    // Followed without a QR code: no channel to give; an existing attribution is never overwritten.
    expect(await registration(member.id)).toEqual({ registration_channel: null, registration_store_id: null });
  });

  it('marks an unfollower unreachable and answers nothing; a re-follow makes them reachable again', async () => {
    const { openid } = await createFollower(harness.system);
    const left = await harness.sim.push({ openid, msgType: 'event', event: 'unsubscribe' });
    expect(left.outcome).toBe('empty');
    expect(await follower(openid)).toMatchObject({ subscribed: 0, reachable: 0, unreachable_reason: 'unsubscribed' });
    await harness.sim.push({ openid, msgType: 'event', event: 'subscribe' });
    expect(await follower(openid)).toMatchObject({ subscribed: 1, reachable: 1, unreachable_reason: null });
  });

  it('answers each menu button; 联系店员 hands the next message to a person', async () => {
    const { member } = await createMember(harness.system);
    const { openid } = await createFollower(harness.system, { memberId: member.id });
    const unbound = (await createFollower(harness.system)).openid;
    const click = (who: string, key: string) => harness.sim.push({ openid: who, msgType: 'event', event: 'CLICK', eventKey: key });

    expect(bindingTokenIn(replyText(await click(unbound, 'MEMBER_CARD')))).not.toBeNull();
    const card = replyText(await click(openid, 'MEMBER_CARD'));
    expect(card).toContain('data-miniprogram-path="pages/card/index"');
    expect(bindingTokenIn(card)).toBeNull();
    expect(replyText(await click(openid, 'MY_POINTS'))).toContain('您当前的积分：0 分');
    expect(replyText(await click(openid, 'LATEST_ACTIVITY'))).toContain('pages/polls/index');
    expect(replyText(await click(openid, 'CONTACT_STAFF'))).toContain('已通知店员');
    const next = await harness.sim.push({ openid, msgType: 'text', content: '想问问有没有新到的积木' });
    expect(next.reply?.MsgType).toBe('transfer_customer_service');
  });

  it('settles a template send from WeChat’s TEMPLATESENDJOBFINISH, and a block makes the follower unreachable', async () => {
    const { openid } = await createFollower(harness.system);
    harness.sim.addFollower({ openid });
    const gateway = harness.system.wechat;
    const sent = await gateway.oa.sendTemplate({ openid, templateId: 'TPL_POINTS', data: { thing1: '积分到账' } });
    await recordTemplateSend(harness.system.dataSource, { msgId: sent.msgId, openid, templateId: 'TPL_POINTS', source: 'points_notice', sourceRef: '42' });
    expect(BigInt(sent.msgId) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    const settled = await eventually(async () => {
      const rows = (await harness.system.dataSource.query("SELECT status, source FROM wechat_template_sends WHERE msgid = ? AND status <> 'sent'", [sent.msgId])) as unknown[];
      return rows[0];
    }, 'the delivery result');
    expect(settled).toEqual({ status: 'delivered', source: 'points_notice' });

    const blockedMsgId = '9223372036854775001';
    const xml =
      `<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[${openid}]]></FromUserName>` +
      `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[event]]></MsgType>` +
      `<Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event><MsgID>${blockedMsgId}</MsgID><Status><![CDATA[failed:user block]]></Status></xml>`;
    const result = await postPush(signedPush(harness.callbackUrl, xml));
    expect(result).toEqual({ status: 200, body: '' });
    expect(await harness.system.dataSource.query('SELECT status, status_detail FROM wechat_template_sends WHERE msgid = ?', [blockedMsgId])).toEqual([
      { status: 'blocked', status_detail: 'failed:user block' },
    ]);
    expect(await follower(openid)).toMatchObject({ reachable: 0, unreachable_reason: 'blocked' });
  });

  it('publishes the configured menu through the gateway', async () => {
    const published = await owner.post<{ published: boolean; buttons: number }>('/api/admin/oa/menu/publish');
    expect(published).toEqual({ status: 200, body: { published: true, buttons: 3 } });
    const call = harness.sim.calls('/cgi-bin/menu/create').at(-1);
    expect(JSON.stringify(call?.body)).toContain('联系店员');
    const clerk = await createStaff(harness.system, { role: 'clerk' });
    const clerkClient = await staffClient(harness.server.baseUrl, clerk.username);
    expect((await clerkClient.post('/api/admin/oa/menu/publish')).status).toBe(403);
    const audit = (await harness.system.dataSource.query("SELECT action FROM audit_entries WHERE action = 'oa.menu_publish'")) as unknown[];
    expect(audit.length).toBeGreaterThan(0);
  });
});
