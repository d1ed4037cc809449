import { act, fireEvent, render, screen } from '@testing-library/react';
import { ScanPage } from '../scan/index';
import { redirectTo, scanCode, useRouter } from '../../../test/mocks/taro';
import { memberMe, NO_CONSENT } from '../../../test/memberFixtures';
import { callsTo, serveRoutes } from '../../../test/serveRoutes';
import { startSignedIn } from '../../../test/pageActions';

const STORE_SCENE = 'k1.AbCdEfGhIjKlMnOp';
const RECEIPT_SCENE = 'rABCDEFGH23';

function openWith(scene: string | undefined) {
  useRouter.mockReturnValue({ params: scene === undefined ? {} : { scene }, path: '/pages/scan/index' });
  render(<ScanPage />);
}

beforeEach(() => startSignedIn('weapp'));

describe('ScanPage', () => {
  it("checks in at the store of a wxacode's (URL-encoded) scene and shows the points", async () => {
    serveRoutes({
      'GET /api/mp/me': memberMe(),
      [`GET /api/mp/scenes/${encodeURIComponent(STORE_SCENE)}`]: { kind: 'check_in', storeId: '1', storeName: '南山店' },
      'POST /api/mp/check-ins': { storeId: '1', storeName: '南山店', day: '2026-12-01', points: 5, balanceAfter: 325 },
    });
    openWith(encodeURIComponent(STORE_SCENE));
    await screen.findByText('签到成功，获得 5 积分');
    expect(screen.getByText('南山店 · 当前积分 325')).toBeTruthy();
    expect(callsTo('POST /api/mp/check-ins')[0]?.data).toEqual({ scene: STORE_SCENE });
    fireEvent.click(document.getElementById('scan-points') as HTMLElement);
    expect(redirectTo).toHaveBeenCalledWith({ url: '/pages/points/index' });
  });

  it('says 今天已签到 when the member already checked in today', async () => {
    serveRoutes({
      'GET /api/mp/me': memberMe(),
      [`GET /api/mp/scenes/${encodeURIComponent(STORE_SCENE)}`]: { kind: 'check_in', storeId: '1', storeName: '南山店' },
      'POST /api/mp/check-ins': { status: 409, body: { error: 'already_checked_in', message: '今天已经签到过了，明天再来吧' } },
    });
    openWith(STORE_SCENE);
    await screen.findByText('今天已签到');
    expect(document.getElementById('scan-error')).toBeNull();
  });

  it('claims a receipt code and shows the points', async () => {
    serveRoutes({
      'GET /api/mp/me': memberMe(),
      [`GET /api/mp/scenes/${RECEIPT_SCENE}`]: { kind: 'receipt', code: 'ABCDEFGH23' },
      'POST /api/mp/receipt-claims': { purchaseId: '9', pointsEarned: 88, balanceAfter: 408 },
    });
    openWith(RECEIPT_SCENE);
    await screen.findByText('领取成功，获得 88 积分');
    expect(callsTo('POST /api/mp/receipt-claims')[0]?.data).toEqual({ code: 'ABCDEFGH23' });
  });

  it.each([
    ['used', 409, 'receipt_code_used', '这张小票的积分已被领取'],
    ['expired', 410, 'receipt_code_expired', '小票码已过期'],
  ])('shows why a %s receipt code gives nothing', async (_label, status, error, message) => {
    serveRoutes({
      'GET /api/mp/me': memberMe(),
      [`GET /api/mp/scenes/${RECEIPT_SCENE}`]: { kind: 'receipt', code: 'ABCDEFGH23' },
      'POST /api/mp/receipt-claims': { status, body: { error, message } },
    });
    openWith(RECEIPT_SCENE);
    await screen.findByText(message);
    expect(document.getElementById('scan-error')).not.toBeNull();
  });

  it('refuses a forged scene and can scan again', async () => {
    serveRoutes({
      'GET /api/mp/me': memberMe(),
      'GET /api/mp/scenes/k1.forgedforgedforg': { status: 400, body: { error: 'scene_invalid', message: '无法识别的二维码' } },
      [`GET /api/mp/scenes/${encodeURIComponent(STORE_SCENE)}`]: { kind: 'check_in', storeId: '1', storeName: '南山店' },
      'POST /api/mp/check-ins': { storeId: '1', storeName: '南山店', day: '2026-12-01', points: 5, balanceAfter: 325 },
    });
    openWith('k1.forgedforgedforg');
    await screen.findByText('无法识别的二维码');
    expect(callsTo('POST /api/mp/check-ins')).toHaveLength(0);
    scanCode.mockResolvedValueOnce({ result: '', scanType: 'WX_CODE', charSet: 'utf-8', path: `pages/scan/index?scene=${encodeURIComponent(STORE_SCENE)}`, rawData: '', errMsg: 'scanCode:ok' });
    await act(async () => {
      fireEvent.click(document.getElementById('scan-again') as HTMLElement);
    });
    await screen.findByText('签到成功，获得 5 积分');
  });

  it('asks for consent before checking in', async () => {
    serveRoutes({
      'GET /api/mp/me': memberMe({ consent: NO_CONSENT }),
      'POST /api/mp/consent': memberMe(),
      [`GET /api/mp/scenes/${encodeURIComponent(STORE_SCENE)}`]: { kind: 'check_in', storeId: '1', storeName: '南山店' },
      'POST /api/mp/check-ins': { storeId: '1', storeName: '南山店', day: '2026-12-01', points: 5, balanceAfter: 5 },
    });
    openWith(STORE_SCENE);
    await screen.findByText('同意并继续');
    expect(callsTo('POST /api/mp/check-ins')).toHaveLength(0);
    await act(async () => {
      fireEvent.click(document.getElementById('consent-accept') as HTMLElement);
    });
    await screen.findByText('签到成功，获得 5 积分');
  });

  it('on H5 without a scene, takes the code typed in', async () => {
    process.env.TARO_ENV = 'h5';
    serveRoutes({
      'GET /api/mp/me': memberMe(),
      [`GET /api/mp/scenes/${RECEIPT_SCENE}`]: { kind: 'receipt', code: 'ABCDEFGH23' },
      'POST /api/mp/receipt-claims': { purchaseId: '9', pointsEarned: 12, balanceAfter: 332 },
    });
    openWith(undefined);
    expect(document.getElementById('scan-again')).toBeNull();
    fireEvent.change(document.getElementById('scan-input') as HTMLElement, { target: { value: ` ${RECEIPT_SCENE} ` } });
    await act(async () => {
      fireEvent.click(document.getElementById('scan-submit') as HTMLElement);
    });
    await screen.findByText('领取成功，获得 12 积分');
  });
});
