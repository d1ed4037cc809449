import { Button, Text, View } from '@tarojs/components';
import { BrandHeader } from '../../components/BrandHeader';
import { ClubShortcuts } from '../../components/ClubShortcuts';
import { ConsentPrompt } from '../../components/ConsentPrompt';
import { MemberCard } from '../../components/MemberCard';
import { MemberCardPlaceholder } from '../../components/MemberCardPlaceholder';
import { MemberLinks } from '../../components/MemberLinks';
import { ScanEntry } from '../../components/ScanEntry';
import { ServiceStatus } from '../../components/ServiceStatus';
import { useMember } from '../../hooks/useMember';
import { useOaBinding } from '../../hooks/useOaBinding';
import { useRefreshOnShow } from '../../hooks/useRefreshOnShow';
import './index.scss';

/**
 * 会员卡: the first tab. Signed out it shows the locked card and a 登录 button; signed in,
 * the member's card (tier, balance, progress, rotating code), after the consent prompt when
 * the current policy is not yet accepted. Opened from the official account's link
 * (`?oaBind=`), it binds that follower once signed in. Test hooks: `#card-page`, `#sign-in`, `#card-error`.
 */
export function CardPage() {
  const { state, signIn, reload, update } = useMember();
  useOaBinding(state.kind === 'ready');
  // Back on the tab after shopping or 积分兑换: the balance is fetched again.
  useRefreshOnShow(update);
  return (
    <View id="card-page" className="page card-page">
      <BrandHeader />
      {state.kind === 'ready' ? (
        <>
          <MemberCard member={state.member} />
          {state.member.consent.privacyAccepted ? null : <ConsentPrompt member={state.member} onAccepted={update} />}
          <ScanEntry />
          <MemberLinks />
        </>
      ) : (
        <MemberCardPlaceholder />
      )}
      {state.kind === 'signed-out' ? (
        <Button id="sign-in" className="card-page__action" onClick={() => void signIn()}>
          微信登录
        </Button>
      ) : null}
      {state.kind === 'loading' ? <Text className="card-page__note">正在加载会员信息…</Text> : null}
      {state.kind === 'error' ? (
        <View id="card-error" className="card-page__error">
          <Text className="card-page__note">{state.message}</Text>
          <Button className="card-page__action" onClick={() => void reload()}>
            重试
          </Button>
        </View>
      ) : null}
      <ClubShortcuts />
      <ServiceStatus />
    </View>
  );
}

// Taro loads each page through its default export.
export default CardPage;
