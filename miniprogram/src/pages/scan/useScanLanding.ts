import { useCallback, useEffect, useState } from 'react';
import type { MemberMeDto } from '@toyclub/shared';
import { ApiError } from '../../api/client';
import { checkIn, claimReceipt, fetchScene } from '../../api/inStore';
import { fetchMe } from '../../auth/auth';

/** Where the scan landing page stands. */
export type ScanLandingState =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'consent'; member: MemberMeDto; scene: string }
  | { kind: 'done'; title: string; detail: string; points: number }
  | { kind: 'already'; title: string; detail: string }
  | { kind: 'error'; message: string; scene: string };

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : '处理失败，请稍后重试';
}

/** Looks the scene up and carries out what it stands for: a store check-in or a receipt claim. */
async function redeemScene(scene: string): Promise<ScanLandingState> {
  const target = await fetchScene(scene);
  if (target.kind === 'check_in') {
    try {
      const done = await checkIn(scene);
      return { kind: 'done', title: `签到成功，获得 ${done.points} 积分`, detail: `${done.storeName} · 当前积分 ${done.balanceAfter}`, points: done.points };
    } catch (error) {
      if (error instanceof ApiError && error.code === 'already_checked_in') {
        return { kind: 'already', title: '今天已签到', detail: `${target.storeName}：${error.message}` };
      }
      throw error;
    }
  }
  const claimed = await claimReceipt(target.code);
  return { kind: 'done', title: `领取成功，获得 ${claimed.pointsEarned} 积分`, detail: `小票积分已到账 · 当前积分 ${claimed.balanceAfter}`, points: claimed.pointsEarned };
}

/**
 * The scan landing page's work: sign in (the member scanned on purpose, so no extra tap),
 * ask for privacy consent first when it is missing, then check in or claim the receipt.
 * Starts at once for `initialScene`; `start` runs a typed or rescanned code.
 */
export function useScanLanding(initialScene: string | null) {
  const [state, setState] = useState<ScanLandingState>(initialScene ? { kind: 'working' } : { kind: 'idle' });

  const proceed = useCallback(async (scene: string) => {
    setState({ kind: 'working' });
    try {
      setState(await redeemScene(scene));
    } catch (error) {
      setState({ kind: 'error', message: messageOf(error), scene });
    }
  }, []);

  /** With the signed-in member: consent first when it is missing, then the scene's action. */
  const withMember = useCallback(
    (member: MemberMeDto, scene: string) => {
      if (member.consent.privacyAccepted) void proceed(scene);
      else setState({ kind: 'consent', member, scene });
    },
    [proceed],
  );

  const failed = useCallback((error: unknown, scene: string) => setState({ kind: 'error', message: messageOf(error), scene }), []);

  const start = useCallback(
    (scene: string) => {
      setState({ kind: 'working' });
      fetchMe().then((member) => withMember(member, scene), (error: unknown) => failed(error, scene));
    },
    [withMember, failed],
  );

  useEffect(() => {
    // The state starts as 'working' for an opening scene, so only the answers set state.
    if (!initialScene) return;
    fetchMe().then((member) => withMember(member, initialScene), (error: unknown) => failed(error, initialScene));
    // Only the scene the page was opened with starts by itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return { state, start, proceed };
}
