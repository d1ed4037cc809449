import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { MemberMeDto } from '@toyclub/shared';
import { ApiError } from '../../api/client';
import { acceptConsent } from '../../api/member';
import { fetchMe, memberRequest } from '../../auth/auth';
import { clearToken } from '../../auth/tokenStore';
import { LoadStatus } from '../../components/LoadStatus';
import { useLoad } from '../../hooks/useLoad';
import './index.scss';

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : '操作失败，请稍后重试';
}

/**
 * 隐私与授权: the privacy and guardian consents, exporting the member's data (JSON) and
 * deleting the account. Test hook: `#privacy-page`.
 */
export function PrivacyPage() {
  const { state, reload, setState } = useLoad<MemberMeDto>(fetchMe);
  const [notice, setNotice] = useState<string | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [deleted, setDeleted] = useState(false);

  const consent = async (kind: 'privacy' | 'guardian', member: MemberMeDto) => {
    setNotice(null);
    try {
      setState({ kind: 'ready', data: await acceptConsent({ policyVersion: member.consent.currentPolicyVersion, kind }) });
      setNotice('已记录你的同意');
    } catch (error) {
      setNotice(messageOf(error));
    }
  };

  const exportData = async () => {
    setNotice(null);
    try {
      setExported(JSON.stringify(await memberRequest<unknown>('/api/mp/me/export'), null, 2));
    } catch (error) {
      setNotice(messageOf(error));
    }
  };

  const deleteAccount = async () => {
    const answer = await Taro.showModal({ title: '注销账号', content: '注销后积分、孩子信息等个人数据将被删除且无法恢复，确定注销吗？' });
    if (!answer.confirm) return;
    try {
      await memberRequest<void>('/api/mp/me', { method: 'DELETE' });
      clearToken();
      setDeleted(true);
    } catch (error) {
      setNotice(messageOf(error));
    }
  };

  if (deleted) {
    return (
      <View id="privacy-page" className="page privacy-page">
        <Text id="privacy-deleted" className="list-header">
          账号已注销，个人信息已删除
        </Text>
      </View>
    );
  }
  if (state.kind !== 'ready') {
    return (
      <View id="privacy-page" className="page privacy-page">
        <LoadStatus kind={state.kind} message={state.kind === 'error' ? state.message : undefined} onRetry={reload} />
      </View>
    );
  }
  const member = state.data;
  return (
    <View id="privacy-page" className="page privacy-page">
      {notice ? (
        <Text id="privacy-notice" className="list-header">
          {notice}
        </Text>
      ) : null}
      <View className="list-item">
        <View className="list-item__main">
          <Text className="list-item__title">隐私政策（版本 {member.consent.currentPolicyVersion}）</Text>
          <Text className="list-item__sub">{member.consent.privacyAccepted ? '已同意' : '未同意'}</Text>
        </View>
        {member.consent.privacyAccepted ? null : (
          <Button id="privacy-accept" className="privacy-page__button" size="mini" onClick={() => void consent('privacy', member)}>
            同意
          </Button>
        )}
      </View>
      <View className="list-item">
        <View className="list-item__main">
          <Text className="list-item__title">监护人同意（孩子信息）</Text>
          <Text className="list-item__sub">{member.consent.guardianAccepted ? '已同意' : '保存孩子信息前需要监护人同意'}</Text>
        </View>
        {member.consent.guardianAccepted || !member.consent.privacyAccepted ? null : (
          <Button id="guardian-accept" className="privacy-page__button" size="mini" onClick={() => void consent('guardian', member)}>
            同意
          </Button>
        )}
      </View>
      <View className="list-item">
        <Text className="list-item__title">导出我的数据</Text>
        <Button id="privacy-export" className="privacy-page__button" size="mini" onClick={() => void exportData()}>
          导出
        </Button>
      </View>
      {exported ? (
        <Text id="privacy-export-json" className="list-header privacy-page__export" selectable>
          {exported}
        </Text>
      ) : null}
      <View className="list-item">
        <Text className="list-item__title">注销账号</Text>
        <Button id="privacy-delete" className="privacy-page__button" size="mini" onClick={() => void deleteAccount()}>
          注销
        </Button>
      </View>
    </View>
  );
}

export default PrivacyPage;
