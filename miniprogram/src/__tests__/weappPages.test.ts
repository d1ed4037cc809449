/**
 * @jest-environment node
 */
// weappBuild.test.ts checks that dist matches app.config; this checks what that cannot see:
// a page whose source exists but that app.config forgot (WeChat would never open it), a
// link to a page that is not registered (navigateTo fails only on the phone), and page
// files that load components or templates the build did not emit.
import fs from 'node:fs';
import path from 'node:path';
import { MEMBER_APP_TABS } from '@toyclub/shared';
import appConfig from '../app.config';

const SRC = path.resolve(__dirname, '..');
const DIST = path.resolve(SRC, '../dist');
/** A page path in a string literal: '/pages/x/index', with or without a query. */
const PAGE_LITERAL = /['"`]\/(pages\/[\w-]+\/[\w-]+)(?:\?[^'"`]*)?['"`]/g;
/** The files WeChat loads for each custom component a page or component uses. */
const COMPONENT_FILE_EXTENSIONS = ['.js', '.json', '.wxml'];

/** Every page app.config registers, subpackage pages as `<root>/<page>`. */
const REGISTERED_PAGES = [
  ...(appConfig.pages ?? []),
  ...(appConfig.subPackages ?? []).flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`)),
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The `.json` of every registered page and of every component those pages pull in. */
function componentJsonFiles(): string[] {
  const seen = new Set<string>();
  const queue = REGISTERED_PAGES.map((page) => path.join(DIST, `${page}.json`));
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file) || !fs.existsSync(file)) continue;
    seen.add(file);
    const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { usingComponents?: Record<string, string> };
    for (const target of Object.values(config.usingComponents ?? {})) {
      if (!target.startsWith('plugin://')) queue.push(`${path.resolve(path.dirname(file), target)}.json`);
    }
  }
  return [...seen];
}

describe('weapp pages: sources, links and loaded files', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(DIST, 'app.json'))) {
      throw new Error(`${DIST}/app.json is missing: run \`npm run build:weapp -w miniprogram\` first`);
    }
  });

  it('registers every page that has a source, and has a source for every registered page', () => {
    const pageSources = sourceFiles(path.join(SRC, 'pages'))
      .filter((file) => /[\\/]index\.tsx$/.test(file))
      .map((file) => path.relative(SRC, file).replace(/\\/g, '/').replace(/\.tsx$/, ''));
    expect([...pageSources].sort()).toEqual([...REGISTERED_PAGES].sort());
  });

  it('links only to registered pages, and never with navigateTo to a tab page', () => {
    const tabPages = new Set(MEMBER_APP_TABS.map((tab) => tab.pagePath));
    const problems = sourceFiles(SRC).flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      const where = path.relative(SRC, file);
      const unknown = [...text.matchAll(PAGE_LITERAL)]
        .map((match) => match[1] as string)
        .filter((page) => !REGISTERED_PAGES.includes(page))
        .map((page) => `${where}: /${page} is not in app.config`);
      // WeChat refuses navigateTo/redirectTo to a tab page (switchTab only).
      const toTabs = [...text.matchAll(/\b(?:navigateTo|redirectTo)\(\{\s*url:\s*['"`]\/(pages\/[\w-]+\/[\w-]+)/g)]
        .map((match) => match[1] as string)
        .filter((page) => tabPages.has(page))
        .map((page) => `${where}: navigateTo/redirectTo to the tab page /${page}`);
      return [...unknown, ...toTabs];
    });
    expect(problems).toEqual([]);
  });

  it('emits the files of every custom component the pages use', () => {
    const files = componentJsonFiles();
    expect(files.length).toBeGreaterThan(REGISTERED_PAGES.length);
    const missing = files.flatMap((json) => {
      const base = json.replace(/\.json$/, '');
      return COMPONENT_FILE_EXTENSIONS.map((extension) => `${base}${extension}`).filter((file) => !fs.existsSync(file));
    });
    expect(missing.map((file) => path.relative(DIST, file))).toEqual([]);
  });

  it('emits every template and script the pages import', () => {
    const wxmlFiles = componentJsonFiles().map((json) => json.replace(/\.json$/, '.wxml'));
    const imported = wxmlFiles.filter((file) => fs.existsSync(file)).flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return [...text.matchAll(/<(?:import|include|wxs)[^>]*\bsrc="([^"]+)"/g)].map((match) => path.resolve(path.dirname(file), match[1] as string));
    });
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.filter((file) => !fs.existsSync(file)).map((file) => path.relative(DIST, file))).toEqual([]);
  });
});
