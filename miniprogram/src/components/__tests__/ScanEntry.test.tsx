import { act, fireEvent, render } from '@testing-library/react';
import { ScanEntry } from '../ScanEntry';
import { navigateTo, scanCode, showToast } from '../../../test/mocks/taro';

function scanned(result: string, path = '') {
  return { result, scanType: path ? 'WX_CODE' : 'QR_CODE', charSet: 'utf-8', path, rawData: '', errMsg: 'scanCode:ok' };
}

async function tap() {
  render(<ScanEntry />);
  await act(async () => {
    fireEvent.click(document.getElementById('link-scan') as HTMLElement);
  });
}

describe('ScanEntry', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });

  it("opens the landing page with a scanned wxacode's scene", async () => {
    scanCode.mockResolvedValueOnce(scanned('', 'pages/scan/index?scene=k1.AbCdEfGhIjKlMnOp'));
    await tap();
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/scan/index?scene=k1.AbCdEfGhIjKlMnOp' });
  });

  it('does nothing when the camera is cancelled, and says so for an empty code', async () => {
    scanCode.mockRejectedValueOnce({ errMsg: 'scanCode:fail cancel' });
    await tap();
    expect(navigateTo).not.toHaveBeenCalled();
    expect(showToast).not.toHaveBeenCalled();
    scanCode.mockResolvedValueOnce(scanned(''));
    fireEvent.click(document.getElementById('link-scan') as HTMLElement);
    await act(async () => {});
    expect(navigateTo).not.toHaveBeenCalled();
    expect(showToast).toHaveBeenCalledWith({ title: '没有识别到二维码内容', icon: 'none' });
  });

  it('on H5 opens the landing page for typing the code', async () => {
    process.env.TARO_ENV = 'h5';
    await tap();
    expect(scanCode).not.toHaveBeenCalled();
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/scan/index' });
  });
});
