import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ApiError } from '../../api/client';
import { fulfilRedemption } from '../../api/staff';
import { CodeEntry } from './CodeEntry';

type FulfilState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'error'; message: string };

/** 核销兑换: marks a member's redemption code as handed over. Test hooks: `#staff-fulfil`, `#fulfil-result`. */
export function FulfilForm() {
  const [state, setState] = useState<FulfilState>({ kind: 'idle' });
  const submit = async (code: string) => {
    setState({ kind: 'busy' });
    try {
      const redemption = await fulfilRedemption({ code });
      setState({ kind: 'done', text: `已核销：${redemption.rewardName}（${redemption.points} 积分）` });
    } catch (error) {
      setState({ kind: 'error', message: error instanceof ApiError ? error.message : '核销失败，请稍后重试' });
    }
  };
  return (
    <View id="staff-fulfil" className="staff-page__panel">
      <Text className="staff-page__title">核销兑换</Text>
      <CodeEntry
        id="fulfil"
        placeholder="输入会员的兑换码"
        submitText="核销"
        scanText="扫兑换码"
        busy={state.kind === 'busy'}
        onSubmit={(code) => void submit(code)}
      />
      {state.kind === 'done' ? (
        <Text id="fulfil-result" className="staff-page__ok">
          {state.text}
        </Text>
      ) : null}
      {state.kind === 'error' ? (
        <Text id="fulfil-error" className="staff-page__error">
          {state.message}
        </Text>
      ) : null}
    </View>
  );
}
