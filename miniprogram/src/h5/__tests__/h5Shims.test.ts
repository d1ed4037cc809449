import { H5_ROOT_FONT, installRootFontSize, rootFontSizePx } from '../rootFontSize';
import { dropFalseBooleanAttributes } from '../dropFalseBooleanAttributes';
import { preventScriptLinks } from '../preventScriptLinks';

describe('rootFontSizePx', () => {
  it('maps the 750 design width to the phone width, within Taro’s bounds', () => {
    expect(rootFontSizePx(375)).toBe(20);
    expect(rootFontSizePx(414)).toBeCloseTo(22.08);
    expect(rootFontSizePx(320)).toBe(H5_ROOT_FONT.minPx);
  });

  it('maps it onto the capped column on a computer screen', () => {
    expect(rootFontSizePx(800)).toBeCloseTo((40 * H5_ROOT_FONT.maxColumnPx) / 750);
    expect(rootFontSizePx(1280)).toBe(rootFontSizePx(H5_ROOT_FONT.maxColumnPx));
  });
});

describe('installRootFontSize', () => {
  it('sets the root font size from the shorter side of the viewport', () => {
    const root = document.documentElement;
    jest.spyOn(root, 'getBoundingClientRect').mockReturnValue({ width: 414, height: 896 } as DOMRect);
    installRootFontSize(window);
    expect(root.style.fontSize).toBe('22.08px');
  });
});

describe('preventScriptLinks', () => {
  preventScriptLinks(document);

  function click(element: Element): MouseEvent {
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    element.dispatchEvent(event);
    return event;
  }

  it('cancels the javascript: navigation of a tab-bar link but still runs its handler', () => {
    document.body.innerHTML = '<a href="javascript:;" id="tab"><span id="label">投票</span></a>';
    const handler = jest.fn();
    document.getElementById('tab')?.addEventListener('click', handler);
    const label = document.getElementById('label');
    if (!label) throw new Error('fixture missing');
    expect(click(label).defaultPrevented).toBe(true);
    expect(handler).toHaveBeenCalled();
  });

  it('leaves ordinary links alone', () => {
    document.body.innerHTML = '<a href="#/pages/polls/index" id="link">投票</a>';
    const link = document.getElementById('link');
    if (!link) throw new Error('fixture missing');
    expect(click(link).defaultPrevented).toBe(false);
  });
});

describe('dropFalseBooleanAttributes', () => {
  const observer = dropFalseBooleanAttributes(document);
  afterAll(() => observer.disconnect());

  /** MutationObserver callbacks run as microtasks. */
  const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('removes disabled="false" and loading="false" from Taro components, added or changed', async () => {
    document.body.innerHTML = '<taro-button-core id="b" disabled="false" loading="false" type="">同意</taro-button-core>';
    await settled();
    const button = document.getElementById('b');
    expect(button?.hasAttribute('disabled')).toBe(false);
    expect(button?.hasAttribute('loading')).toBe(false);
    button?.setAttribute('disabled', 'true');
    await settled();
    expect(button?.getAttribute('disabled')).toBe('true');
    button?.setAttribute('disabled', 'false');
    await settled();
    expect(button?.hasAttribute('disabled')).toBe(false);
  });

  it('leaves other elements alone', async () => {
    document.body.innerHTML = '<div id="d" disabled="false"></div>';
    await settled();
    expect(document.getElementById('d')?.getAttribute('disabled')).toBe('false');
  });
});
