import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { MemberMeDto } from '@toyclub/shared';
import { fetchMe, isSignedIn } from '../auth/auth';

/**
 * Tab pages stay mounted, so a balance credited at the till or a staff binding made on
 * another page would not show when the member comes back. Each time the page is shown
 * again (not the first time: the page's own load covers that) the member is fetched
 * quietly and handed to `onMember`; a failure keeps what the page already shows.
 */
export function useRefreshOnShow(onMember: (member: MemberMeDto) => void): void {
  const firstShow = useRef(true);
  useDidShow(() => {
    if (firstShow.current) {
      firstShow.current = false;
      return;
    }
    if (isSignedIn()) fetchMe().then(onMember, () => undefined);
  });
}
