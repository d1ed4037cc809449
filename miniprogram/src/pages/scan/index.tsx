import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { ConsentPrompt } from '../../components/ConsentPrompt';
import { LoadStatus } from '../../components/LoadStatus';
import { canScan, scanScene } from '../../scan/scanScene';
import { sceneFromParam } from '../../scan/scanTarget';
import { useScanLanding } from './useScanLanding';
import './index.scss';

/** 扫码 on weapp; on H5, where there is no camera API, the code's text typed in. */
function ScanOrType({ onScene }: { onScene: (scene: string) => void }) {
  const [typed, setTyped] = useState('');
  if (canScan()) {
    return (
      <Button id="scan-again" className="scan-page__button" onClick={() => void scanScene().then((scene) => scene && onScene(scene))}>
        扫一扫
      </Button>
    );
  }
  return (
    <View className="scan-page__typed">
      <Input id="scan-input" className="scan-page__input" placeholder="输入二维码内容" value={typed} onInput={(event) => setTyped(event.detail.value)} />
      <Button id="scan-submit" className="scan-page__button" disabled={typed.trim() === ''} onClick={() => onScene(typed.trim())}>
        确定
      </Button>
    </View>
  );
}

/**
 * The scan landing page every in-store code opens (`pages/scan/index?scene=`): a store's
 * check-in code or a receipt's claim code. Test hooks: `#scan-page`, `#scan-result`, `#scan-error`.
 */
export function ScanPage() {
  const initialScene = sceneFromParam(useRouter().params.scene);
  const { state, start, proceed } = useScanLanding(initialScene);
  const onScene = (scene: string) => start(scene);
  return (
    <View id="scan-page" className="page scan-page">
      {state.kind === 'idle' ? (
        <View className="scan-page__panel">
          <Text className="scan-page__title">扫码签到、领取小票积分</Text>
          <Text className="scan-page__detail">扫描门店的签到码或小票上的二维码</Text>
          <ScanOrType onScene={onScene} />
        </View>
      ) : null}
      {state.kind === 'working' ? <LoadStatus kind="loading" /> : null}
      {state.kind === 'consent' ? <ConsentPrompt member={state.member} onAccepted={() => void proceed(state.scene)} /> : null}
      {state.kind === 'done' || state.kind === 'already' ? (
        <View id="scan-result" className={`scan-page__panel scan-page__panel--${state.kind}`}>
          <Text id="scan-result-title" className="scan-page__title">
            {state.title}
          </Text>
          <Text className="scan-page__detail">{state.detail}</Text>
          <Button id="scan-points" className="scan-page__button" onClick={() => void Taro.redirectTo({ url: '/pages/points/index' })}>
            查看积分明细
          </Button>
          <Button className="scan-page__button scan-page__button--plain" onClick={() => void Taro.switchTab({ url: '/pages/card/index' })}>
            返回会员卡
          </Button>
        </View>
      ) : null}
      {state.kind === 'error' ? (
        <View id="scan-error" className="scan-page__panel scan-page__panel--error">
          <Text id="scan-error-message" className="scan-page__title">
            {state.message}
          </Text>
          <Button id="scan-retry" className="scan-page__button" onClick={() => onScene(state.scene)}>
            重试
          </Button>
          <ScanOrType onScene={onScene} />
        </View>
      ) : null}
    </View>
  );
}

// Taro loads each page through its default export.
export default ScanPage;
