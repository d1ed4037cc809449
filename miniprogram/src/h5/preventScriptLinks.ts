/**
 * Taro's H5 tab bar renders each tab as `<a href="javascript:;">` and navigates in its own
 * click handler. The browser would then also "run" the javascript: URL, which the server's
 * CSP (`script-src 'self'`) blocks and reports as a violation on every tab tap. Cancelling
 * the link's default action keeps Taro's handler and drops the blocked navigation.
 */
export function preventScriptLinks(doc: Document): void {
  doc.addEventListener(
    'click',
    (event) => {
      const isScriptLink = event
        .composedPath()
        .some((node) => node instanceof HTMLAnchorElement && /^\s*javascript:/i.test(node.getAttribute('href') ?? ''));
      if (isScriptLink) event.preventDefault();
    },
    // Capture, so no handler that stops propagation can keep this from running.
    true,
  );
}
