import type { AppConfig } from '../../config/configSchema';
import { verifyStoreScene } from '../../checkins/storeScenes';
import type { ChannelKind } from './OaChannelEvent';

/** What a parametric QR code's scene says about where the follower came from. */
export interface QrChannel {
  kind: ChannelKind;
  /** The store id, poster or campaign code; null for `none` and unrecognised scenes. */
  code: string | null;
  /** The raw scene, as stored for attribution. */
  scene: string | null;
}

const CAMPAIGN_SCENE = /^(poster|campaign):([A-Za-z0-9_-]{1,48})$/;

/**
 * Reads a QR scene. A store's counter code carries the store's signed check-in scene (the
 * same `k<id>.<signature>` as its mini-program code, so a forged one is not a store);
 * `poster:<code>` and `campaign:<code>` mark printed posters and campaigns. Subscribe
 * events carry the scene as `qrscene_<scene>`, SCAN events bare; anything else is `other`.
 */
export function parseQrScene(config: AppConfig, eventKey: string): QrChannel {
  const scene = eventKey.startsWith('qrscene_') ? eventKey.slice('qrscene_'.length) : eventKey;
  if (scene === '') return { kind: 'none', code: null, scene: null };
  const storeId = verifyStoreScene(config, scene);
  if (storeId) return { kind: 'store', code: storeId, scene };
  const match = CAMPAIGN_SCENE.exec(scene);
  if (!match) return { kind: 'other', code: null, scene: scene.slice(0, 64) };
  return { kind: match[1] as ChannelKind, code: match[2]!, scene };
}
