import Taro from '@tarojs/taro';
import { sceneFromScan } from './scanTarget';

/** True where `Taro.scanCode` can open a camera (not in the H5 build). */
export function canScan(): boolean {
  return process.env.TARO_ENV !== 'h5';
}

/**
 * Opens the camera for a store or receipt code and returns its scene; null when the member
 * cancels or the code holds nothing (a toast says so for the latter).
 */
export async function scanScene(): Promise<string | null> {
  let scanned: Taro.scanCode.SuccessCallbackResult;
  try {
    // The default scan types include QR codes, and with them this app's mini-program codes.
    scanned = await Taro.scanCode({});
  } catch {
    // Cancelling the camera rejects too; that needs no message.
    return null;
  }
  const scene = sceneFromScan({ result: scanned.result, path: scanned.path });
  if (!scene) void Taro.showToast({ title: '没有识别到二维码内容', icon: 'none' });
  return scene;
}
