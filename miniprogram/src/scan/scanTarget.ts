/** The page every in-store code opens (the server's `SCAN_PAGE`). */
export const SCAN_PAGE_URL = '/pages/scan/index';

/** What `Taro.scanCode` resolves with, as far as the app reads it. */
export interface ScanResult {
  /** The code's content (a plain QR code's text). */
  result?: string;
  /** For a mini-program code of this app: the page and query it opens, e.g. `pages/scan/index?scene=k1.x`. */
  path?: string;
}

/**
 * The scene from a page query value. WeChat hands a wxacode's scene to the page still
 * URL-encoded (its docs say to `decodeURIComponent(options.scene)`); H5's router has
 * already decoded it, and a stray `%` must not throw.
 */
export function sceneFromParam(raw: string | undefined): string | null {
  if (!raw) return null;
  let value = raw;
  try {
    value = decodeURIComponent(raw);
  } catch {
    // Already decoded: keep it as it is.
  }
  value = value.trim();
  return value === '' ? null : value;
}

function sceneFromQuery(text: string): string | null {
  const query = text.includes('?') ? text.slice(text.indexOf('?') + 1) : '';
  for (const pair of query.split(/[&#]/)) {
    const [key, value] = pair.split('=');
    if (key === 'scene') return sceneFromParam(value);
  }
  return null;
}

/**
 * The scene in what the camera read: the `scene` of a wxacode's path, a link carrying
 * `?scene=`, or the bare text of a printed code (a receipt code, say). Null when empty.
 */
export function sceneFromScan(scan: ScanResult): string | null {
  if (scan.path) {
    const fromPath = sceneFromQuery(scan.path);
    if (fromPath) return fromPath;
  }
  const text = (scan.result ?? '').trim();
  if (text === '') return null;
  return sceneFromQuery(text) ?? text;
}

/** The scan landing page's URL for `scene` (encoded once, as WeChat does). */
export function scanPageUrl(scene: string): string {
  return `${SCAN_PAGE_URL}?scene=${encodeURIComponent(scene)}`;
}
