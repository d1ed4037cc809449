/**
 * The H5 build's rem base. Taro converts design px (750 wide) to rem and normally sets the
 * root font size from an inline <script> in index.html; the server's CSP (`script-src
 * 'self'`) blocks inline scripts, so the app entry does the same here instead. The numbers
 * are Taro's defaults for designWidth 750 (baseFontSize 20, so 1rem = 40 design px) and
 * must match the pxtransform settings in config/index.ts.
 */
export const H5_ROOT_FONT = {
  designWidth: 750,
  rootValue: 40,
  minPx: 20,
  maxPx: 40,
  /** The widest the app column gets on a computer screen; app.scss centres it at this width. */
  maxColumnPx: 480,
} as const;

/**
 * The root font size, in CSS px, for a viewport whose shorter side is `shortSidePx`: the
 * design's 750 px map onto the phone's width, or onto the capped column on a wide screen.
 */
export function rootFontSizePx(shortSidePx: number): number {
  const columnPx = Math.min(shortSidePx, H5_ROOT_FONT.maxColumnPx);
  const size = (H5_ROOT_FONT.rootValue * columnPx) / H5_ROOT_FONT.designWidth;
  return Math.min(H5_ROOT_FONT.maxPx, Math.max(H5_ROOT_FONT.minPx, size));
}

/** Sets the root font size now and whenever the window is resized (rotation included). */
export function installRootFontSize(win: Window): void {
  const apply = (): void => {
    const root = win.document.documentElement;
    const { width, height } = root.getBoundingClientRect();
    const sides = [width, height].filter((side) => side > 0);
    if (sides.length === 0) return;
    root.style.fontSize = `${rootFontSizePx(Math.min(...sides))}px`;
  };
  win.addEventListener('resize', () => {
    apply();
    // Some mobile browsers report the new size only after the resize event settles.
    win.setTimeout(apply, 500);
  });
  apply();
}
