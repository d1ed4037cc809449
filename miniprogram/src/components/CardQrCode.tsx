import { useMemo } from 'react';
import { Text, View } from '@tarojs/components';
import { qrRows } from './qrRows';
import './CardQrCode.scss';

/**
 * The member card code as a real QR code, drawn as rows of flex boxes rather than on a
 * canvas: the same markup renders on weapp and H5, needs no canvas context or pixel-ratio
 * handling, and redraws with plain React state when the code rotates. The code itself
 * stays underneath as selectable text, for screen readers and for typing it at a till
 * without a scanner. Also draws receipt claim codes (`label` names what it is). Test hooks: `#card-qr`, `#card-code-text`.
 */
export function CardQrCode({ code, label = '会员码二维码' }: { code: string; label?: string }) {
  const qr = useMemo(() => qrRows(code), [code]);
  return (
    <View className="card-qr">
      <View id="card-qr" className="card-qr__symbol" ariaLabel={label} ariaRole="img">
        {qr.rows.map((runs, rowIndex) => (
          <View key={rowIndex} className="card-qr__row">
            {runs.map((run, runIndex) => (
              <View
                key={runIndex}
                className={run.dark ? 'card-qr__run card-qr__run--dark' : 'card-qr__run'}
                // Widths by flex-grow: each run takes its share of the row, whatever the symbol's size.
                // A string, so no platform mistakes it for a length and appends px.
                style={{ flexGrow: String(run.length) }}
              />
            ))}
          </View>
        ))}
      </View>
      <Text id="card-code-text" className="card-qr__text" selectable>
        {code}
      </Text>
    </View>
  );
}
