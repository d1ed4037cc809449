/**
 * The colours that config files need as values (app.config's navigation and tab bars);
 * the stylesheets use the same ones through styles/_theme.scss. Keep the two in step.
 */
export const THEME = {
  /** Warm tangerine: navigation bar, primary accents. */
  brand: '#ff8a3d',
  /** Deeper orange for selected tabs and text on cream. */
  brandDeep: '#e8642a',
  /** Cream page background. */
  paper: '#fff7ec',
  /** Main text: cocoa brown. */
  ink: '#4a3222',
  /** Secondary text. */
  inkSoft: '#9a7b66',
} as const;
