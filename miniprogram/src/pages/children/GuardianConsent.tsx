import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { MemberMeDto } from '@toyclub/shared';
import { useConsentAcceptance } from '../../hooks/useConsentAcceptance';

/**
 * Asked on 我的孩子 before any child is listed or saved: the server refuses children's data
 * until the guardian consented separately (PIPL), so without this step the page could only
 * show the refusal. Privacy consent must come first; until then it points to 隐私与授权.
 * Test hooks: `#guardian-consent`, `#children-guardian-accept`.
 */
export function GuardianConsent({ member, onAccepted }: { member: MemberMeDto; onAccepted: () => void }) {
  const { accept, busy, error } = useConsentAcceptance(member, 'guardian', onAccepted);
  return (
    <View id="guardian-consent" className="list-item">
      <View className="list-item__main">
        <Text className="list-item__title">监护人同意</Text>
        <Text className="list-item__sub">
          {member.consent.privacyAccepted
            ? `孩子的信息属于敏感个人信息，保存前需要你以监护人身份单独同意《儿童个人信息处理规则》（版本 ${member.consent.currentPolicyVersion}）。`
            : '请先在「隐私与授权」中同意隐私政策，再添加孩子的信息。'}
        </Text>
        {error ? <Text className="list-item__sub">{error}</Text> : null}
      </View>
      {member.consent.privacyAccepted ? (
        <Button id="children-guardian-accept" className="children-page__button" size="mini" loading={busy} disabled={busy} onClick={() => void accept()}>
          同意
        </Button>
      ) : (
        <Button id="children-to-privacy" className="children-page__button" size="mini" onClick={() => void Taro.navigateTo({ url: '/pages/privacy/index' })}>
          去同意
        </Button>
      )}
    </View>
  );
}
