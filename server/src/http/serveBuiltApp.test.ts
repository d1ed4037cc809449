import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Koa from 'koa';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { errorRenderer } from '../app/errorRenderer';
import { serveBuiltApp } from './serveBuiltApp';

describe('serveBuiltApp (the H5 app at /h5/ and the staff console at /console/)', () => {
  let root: string;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'built-app-'));
    const app = new Koa<AppState, AppContextExtras>();
    app.use(errorRenderer());
    app.use(serveBuiltApp({ prefix: '/app', root, notBuilt: { id: 'app_not_built', message: '尚未构建' }, assetNotFoundId: 'app_asset_not_found' }));
    server = http.createServer(app.callback());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('answers 503 with the build command while the app is not built', async () => {
    const response = await fetch(`${base}/app/`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: 'app_not_built', message: '尚未构建' });
  });

  it('serves the index uncached, hashed assets for a year, redirects the bare prefix and 404s a missing file', async () => {
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'assets', 'index-abc123.js'), 'export {};');

    const redirect = await fetch(`${base}/app`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/app/');

    const index = await fetch(`${base}/app/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('<title>app</title>');

    const asset = await fetch(`${base}/app/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('max-age=31536000,immutable');

    const missing = await fetch(`${base}/app/assets/gone.js`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toBe('app_asset_not_found');

    // Other methods and paths are not the app's: they fall through to the routers.
    expect((await fetch(`${base}/app/`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${base}/other/index.html`)).status).toBe(404);
  });
});
