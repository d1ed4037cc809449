/** `POST /api/mp/card-code`: the rotating member card code. */
export interface CardCodeDto {
  code: string;
  expiresAt: string;
  /** Seconds until the page should fetch a new code. */
  refreshInSeconds: number;
}

/** Body of `POST /api/mp/check-ins`: the scene read from the store's mini-program code. */
export interface CheckInRequest {
  scene: string;
}

/** Answer of `POST /api/mp/check-ins`. */
export interface CheckInDto {
  storeId: string;
  storeName: string;
  day: string;
  points: number;
  balanceAfter: number;
}

/** `GET /api/admin/stores/:id/check-in-code`: the signed scene (and the wxacode when WeChat is reachable). */
export interface StoreCheckInCodeDto {
  storeId: string;
  scene: string;
  page: string;
}

/** `GET /api/mp/scenes/:scene`: what the scan landing page should do. */
export type SceneDto =
  | { kind: 'check_in'; storeId: string; storeName: string }
  | { kind: 'receipt'; code: string };
