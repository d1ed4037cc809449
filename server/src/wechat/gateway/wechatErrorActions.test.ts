import type { WechatErrorAction } from './wechatErrorActions';
import {
  WECHAT_ERROR_ACTIONS,
  actionForErrcode,
  actionForMassSendStatus,
  actionForTemplateDeliveryStatus,
  isRetryableAction,
} from './wechatErrorActions';
import { WechatApiError, ridFromErrmsg } from './WechatApiError';

describe('wechatErrorActions', () => {
  const expected: Array<[number, WechatErrorAction]> = [
    [-1, 'retryWithBackoff'],
    [40001, 'refreshTokenAndRetry'],
    [40014, 'refreshTokenAndRetry'],
    [42001, 'refreshTokenAndRetry'],
    [43004, 'memberUnreachable'],
    [40003, 'memberUnreachable'],
    [43101, 'reauthorise'],
    [45009, 'pauseUntilTomorrow'],
    [45011, 'slowDown'],
    [43117, 'slowDown'],
    [45047, 'slowDown'],
    [40037, 'stopCampaign'],
    [40036, 'stopCampaign'],
    [47001, 'stopCampaign'],
    [48001, 'stopCampaign'],
    [40164, 'stopCampaign'],
    [40029, 'rejectInput'],
    [41030, 'rejectInput'],
    [40169, 'rejectInput'],
    [45065, 'alreadyDone'],
  ];

  it.each(expected)('maps errcode %d to %s', (errcode, action) => {
    expect(actionForErrcode(errcode)).toBe(action);
  });

  it('fails (no automatic retry) on codes outside the table', () => {
    expect(actionForErrcode(99999)).toBe('fail');
    expect(actionForErrcode(0)).toBe('fail');
  });

  it('gives every row a meaning, and only token codes and -1 are retried automatically', () => {
    for (const [code, rule] of Object.entries(WECHAT_ERROR_ACTIONS)) {
      expect(rule.meaning.length).toBeGreaterThan(0);
      if (isRetryableAction(rule.action)) expect(['-1', '40001', '40014', '42001']).toContain(code);
    }
  });

  it('maps TEMPLATESENDJOBFINISH statuses, spaces and case aside', () => {
    expect(actionForTemplateDeliveryStatus('success')).toBeNull();
    expect(actionForTemplateDeliveryStatus('failed:user block')).toBe('memberUnreachable');
    expect(actionForTemplateDeliveryStatus('failed: system failed')).toBe('retryWithBackoff');
    expect(actionForTemplateDeliveryStatus('something new')).toBe('fail');
  });

  it('maps MASSSENDJOBFINISH statuses, err(n) through the table', () => {
    expect(actionForMassSendStatus('send success')).toBeNull();
    expect(actionForMassSendStatus('send fail')).toBe('fail');
    expect(actionForMassSendStatus('err(45009)')).toBe('pauseUntilTomorrow');
  });
});

describe('WechatApiError', () => {
  it('carries errcode, errmsg, action, path and rid', () => {
    const error = WechatApiError.fromErrcode({
      errcode: 43004,
      errmsg: 'require subscribe rid: 6650f1a2-1c2d3e4f-5a6b7c8d',
      app: 'oa',
      path: '/cgi-bin/message/template/send',
    });
    expect(error).toMatchObject({
      errcode: 43004,
      action: 'memberUnreachable',
      path: '/cgi-bin/message/template/send',
      rid: '6650f1a2-1c2d3e4f-5a6b7c8d',
    });
    expect(error.unknownOutcome).toBe(false);
  });

  it('tells how to retry an unknown outcome: only with the same client_msg_id', () => {
    const error = new WechatApiError({
      errcode: null,
      errmsg: 'no answer within 50 ms',
      action: 'unknownOutcome',
      app: 'oa',
      path: '/cgi-bin/message/template/send',
      clientMsgId: 'campaign-7-member-9',
    });
    expect(error.unknownOutcome).toBe(true);
    expect(error.message).toContain('unknown outcome');
    expect(error.message).toContain('same client_msg_id (campaign-7-member-9) within 10 minutes');
  });

  it('names the 24-hour clientmsgid window for mass sends', () => {
    const error = new WechatApiError({
      errcode: null,
      errmsg: 'no answer within 50 ms',
      action: 'unknownOutcome',
      app: 'oa',
      path: '/cgi-bin/message/mass/sendall',
      clientMsgId: 'mass-1',
    });
    expect(error.message).toContain('same clientmsgid (mass-1) within 24 hours');
  });

  it('reads no rid from messages without one', () => {
    expect(ridFromErrmsg('invalid credential')).toBeNull();
  });
});
