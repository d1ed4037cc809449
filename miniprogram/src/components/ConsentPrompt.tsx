import { Button, Text, View } from '@tarojs/components';
import type { MemberMeDto } from '@toyclub/shared';
import { useConsentAcceptance } from '../hooks/useConsentAcceptance';
import './ConsentPrompt.scss';

/**
 * 隐私与授权: asks for the current privacy-policy version before anything personal is kept
 * or the card code is issued. Test hooks: `#consent-prompt`, `#consent-accept`.
 */
export function ConsentPrompt({ member, onAccepted }: { member: MemberMeDto; onAccepted: (member: MemberMeDto) => void }) {
  const { accept, busy, error } = useConsentAcceptance(member, 'privacy', onAccepted);
  return (
    <View id="consent-prompt" className="consent-prompt">
      <Text className="consent-prompt__title">隐私与授权</Text>
      <Text className="consent-prompt__text">
        使用会员卡前，请阅读并同意《隐私政策》（版本 {member.consent.currentPolicyVersion}）。同意前我们不会保存你的个人信息。
      </Text>
      {error ? <Text className="consent-prompt__error">{error}</Text> : null}
      <Button id="consent-accept" className="consent-prompt__button" loading={busy} disabled={busy} onClick={() => void accept()}>
        同意并继续
      </Button>
    </View>
  );
}
