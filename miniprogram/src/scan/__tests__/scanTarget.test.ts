import { scanPageUrl, sceneFromParam, sceneFromScan } from '../scanTarget';

describe('sceneFromParam', () => {
  it('decodes the URL-encoded scene WeChat hands a wxacode page', () => {
    expect(sceneFromParam('k1%2Eab_c-D')).toBe('k1.ab_c-D');
    expect(sceneFromParam('k1.ab%3D')).toBe('k1.ab=');
  });

  it('keeps an already decoded value, even with a stray %', () => {
    expect(sceneFromParam('k1.abc')).toBe('k1.abc');
    expect(sceneFromParam('50%off')).toBe('50%off');
  });

  it('gives null for nothing', () => {
    expect(sceneFromParam(undefined)).toBeNull();
    expect(sceneFromParam('  ')).toBeNull();
  });
});

describe('sceneFromScan', () => {
  it("reads the scene from a wxacode's path", () => {
    expect(sceneFromScan({ result: '', path: 'pages/scan/index?scene=k2x.AbCdEfGhIjKlMnOp' })).toBe('k2x.AbCdEfGhIjKlMnOp');
    expect(sceneFromScan({ path: 'pages/scan/index?from=x&scene=rABCDEFGH23' })).toBe('rABCDEFGH23');
  });

  it('reads ?scene= from a link, else takes the bare text', () => {
    expect(sceneFromScan({ result: 'https://toyclub.example/h5/#/pages/scan/index?scene=rABCDEFGH23' })).toBe('rABCDEFGH23');
    expect(sceneFromScan({ result: ' rABCDEFGH23 ' })).toBe('rABCDEFGH23');
    expect(sceneFromScan({ result: '', path: '' })).toBeNull();
  });
});

describe('scanPageUrl', () => {
  it('round-trips through sceneFromParam', () => {
    const url = scanPageUrl('k1.a=b&c');
    expect(url.startsWith('/pages/scan/index?scene=')).toBe(true);
    expect(sceneFromParam(url.slice(url.indexOf('=') + 1))).toBe('k1.a=b&c');
  });
});
