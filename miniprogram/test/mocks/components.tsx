// A hand-written stand-in for @tarojs/components: plain DOM elements that keep the props the
// app uses (id, className, onClick, children), so Testing Library can query them.
import type { CSSProperties, ReactNode } from 'react';

/** The subset of Taro component props the app passes. */
export interface MockComponentProps {
  id?: string;
  className?: string;
  children?: ReactNode;
  onClick?: () => void;
}

/** `<View>` as a `<div>`; keeps an object `style` and the accessibility label. */
export function View({ id, className, children, onClick, style, ariaLabel }: MockComponentProps & { style?: CSSProperties; ariaLabel?: string; ariaRole?: string }) {
  return (
    <div id={id} className={className} onClick={onClick} style={style} aria-label={ariaLabel}>
      {children}
    </div>
  );
}

/** `<Text>` as a `<span>`. */
export function Text({ id, className, children, onClick }: MockComponentProps) {
  return (
    <span id={id} className={className} onClick={onClick}>
      {children}
    </span>
  );
}

/** `<Button>` as a `<button>`: `disabled` and `loading` keep it from firing. */
export function Button({ id, className, children, onClick, disabled, loading, openType }: MockComponentProps & { disabled?: boolean; loading?: boolean; size?: string; openType?: string; onGetPhoneNumber?: unknown }) {
  return (
    <button id={id} className={className} type="button" disabled={disabled || loading} onClick={onClick} data-open-type={openType}>
      {children}
    </button>
  );
}

/** `<Input>` as an `<input>` whose onInput hands back `{ detail: { value } }` like Taro's. */
export function Input({ id, placeholder, value, onInput }: { id?: string; placeholder?: string; value?: string; type?: string; onInput?: (event: { detail: { value: string } }) => void }) {
  return <input id={id} placeholder={placeholder} value={value} onChange={(event) => onInput?.({ detail: { value: event.target.value } })} />;
}
