import { Button, Text, View } from '@tarojs/components';
import type { StaffRole } from '@toyclub/shared';
import { LoadStatus } from '../../components/LoadStatus';
import { useMember } from '../../hooks/useMember';
import { FulfilForm } from './FulfilForm';
import { StaffBindingForm } from './StaffBindingForm';
import { StaffTill } from './StaffTill';
import './index.scss';

const ROLE_NAMES: Record<StaffRole, string> = { owner: '店主', manager: '店长', clerk: '店员' };

/**
 * 店员模式 (staff subpackage): for a WeChat identity bound to a staff account, the till
 * (scan a card, record a purchase) and 核销兑换; for anyone else, the form that binds a
 * staff account with its one-time code. Test hooks: `#staff-page`, `#staff-role`.
 */
export function StaffPage() {
  const { state, signIn, reload } = useMember();
  return (
    <View id="staff-page" className="page staff-page">
      {state.kind === 'signed-out' ? (
        <View className="staff-page__panel">
          <Text className="staff-page__hint">请先登录</Text>
          <Button id="staff-sign-in" className="staff-page__button" onClick={() => void signIn()}>
            微信登录
          </Button>
        </View>
      ) : null}
      {state.kind === 'loading' || state.kind === 'error' ? (
        <LoadStatus kind={state.kind} message={state.kind === 'error' ? state.message : undefined} onRetry={() => void reload()} />
      ) : null}
      {state.kind === 'ready' && state.member.staffRole === null ? <StaffBindingForm onBound={() => void reload()} /> : null}
      {state.kind === 'ready' && state.member.staffRole !== null ? (
        <>
          <Text id="staff-role" className="staff-page__role">
            当前身份：{ROLE_NAMES[state.member.staffRole]}
          </Text>
          <StaffTill />
          <FulfilForm />
        </>
      ) : null}
    </View>
  );
}

// Taro loads each page through its default export.
export default StaffPage;
