/** The boolean attributes Taro's H5 component styles select on by presence alone. */
const BOOLEAN_ATTRIBUTES = ['disabled', 'loading', 'plain'];
const FALSE_SELECTOR = BOOLEAN_ATTRIBUTES.map((name) => `[${name}="false"]`).join(',');

function clean(element: Element): void {
  if (!element.tagName.startsWith('TARO-')) return;
  for (const name of BOOLEAN_ATTRIBUTES) {
    if (element.getAttribute(name) === 'false') element.removeAttribute(name);
  }
}

/**
 * Taro's React binding passes boolean props to its web components as attributes, and React
 * 18 writes `false` as the text `disabled="false"`. The component reads that as false, but
 * Taro's CSS (`taro-button-core[disabled]`) matches on presence, so every `<Button
 * disabled={busy}>` looked greyed out and lost its press feedback while enabled. Removing
 * the attribute when it says "false" gives the styles the meaning the prop already has.
 */
export function dropFalseBooleanAttributes(doc: Document): MutationObserver {
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        if (record.target instanceof Element) clean(record.target);
        continue;
      }
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        clean(node);
        node.querySelectorAll(FALSE_SELECTOR).forEach(clean);
      }
    }
  });
  observer.observe(doc.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: BOOLEAN_ATTRIBUTES });
  doc.querySelectorAll(FALSE_SELECTOR).forEach(clean);
  return observer;
}
