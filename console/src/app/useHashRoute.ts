import { useEffect, useState } from 'react';

function currentPath(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : '/members';
}

/**
 * The console's hash router: the path after `#`. A hash router keeps every page under
 * /console/ so that the server only ever serves index.html, and a reload stays on the page.
 */
export function useHashRoute(): string {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const update = (): void => setPath(currentPath());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return path;
}

/** Goes to a console page, e.g. `navigate('/campaigns/12')`. */
export function navigate(path: string): void {
  window.location.hash = path;
}
