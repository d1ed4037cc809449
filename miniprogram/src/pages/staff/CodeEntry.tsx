import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, View } from '@tarojs/components';
import { canScan } from '../../scan/scanScene';

/** Reads a plain QR code's text with the camera; null when cancelled or empty. */
async function scanText(): Promise<string | null> {
  try {
    const scanned = await Taro.scanCode({});
    const text = (scanned.result ?? '').trim();
    return text === '' ? null : text;
  } catch {
    // Cancelling the camera rejects too.
    return null;
  }
}

/**
 * A code typed in, or scanned with the camera where there is one (not on H5), handed to
 * `onSubmit`. Test hooks: `#<id>-input`, `#<id>-scan`, `#<id>-submit`.
 */
export function CodeEntry(props: { id: string; placeholder: string; submitText: string; scanText?: string; busy: boolean; onSubmit: (code: string) => void }) {
  const { id, placeholder, submitText, busy, onSubmit } = props;
  const [typed, setTyped] = useState('');
  const code = typed.trim();
  return (
    <View className="code-entry">
      {props.scanText && canScan() ? (
        <Button id={`${id}-scan`} className="staff-page__button" disabled={busy} onClick={() => void scanText().then((text) => text && onSubmit(text))}>
          {props.scanText}
        </Button>
      ) : null}
      <View className="code-entry__row">
        <Input id={`${id}-input`} className="staff-page__input code-entry__input" placeholder={placeholder} value={typed} onInput={(event) => setTyped(event.detail.value)} />
        <Button id={`${id}-submit`} className="staff-page__button code-entry__submit" disabled={busy || code === ''} loading={busy} onClick={() => onSubmit(code)}>
          {submitText}
        </Button>
      </View>
    </View>
  );
}
