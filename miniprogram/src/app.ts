import type { ReactNode } from 'react';
import { useDidShow } from '@tarojs/taro';
import { reportCampaignClick } from './api/campaignClicks';
import { dropFalseBooleanAttributes } from './h5/dropFalseBooleanAttributes';
import { installRootFontSize } from './h5/rootFontSize';
import { preventScriptLinks } from './h5/preventScriptLinks';
import './app.scss';

// H5 only (the condition is a build-time constant, so weapp bundles drop this). Runs before
// the first page renders, so H5 never paints with the browser's 16px rem.
if (process.env.TARO_ENV === 'h5') {
  installRootFontSize(window);
  preventScriptLinks(document);
  dropFalseBooleanAttributes(document);
}

/** The app shell: Taro renders the current page as `children`. */
export function App({ children }: { children?: ReactNode }): ReactNode {
  // Opened from a campaign message's tracked page link (`?ctk=`): count the click.
  useDidShow((options) => void reportCampaignClick(options?.query));
  return children;
}

export default App;
