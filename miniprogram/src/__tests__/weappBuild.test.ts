/**
 * @jest-environment node
 */
// Nothing on this machine runs weapp output (no WeChat DevTools), so the build is checked by
// its structure: the pages app.config promises, the four files each page needs, tab icons,
// and the 1.5 MB limit WeChat puts on the main package (2 MB hard cap, with headroom).
import fs from 'node:fs';
import path from 'node:path';
import { MEMBER_APP_TABS } from '@toyclub/shared';
import appConfig from '../app.config';

const DIST = path.resolve(__dirname, '../../dist');
const MAIN_PACKAGE_LIMIT_BYTES = 1.5 * 1024 * 1024;
const PAGE_FILE_EXTENSIONS = ['.js', '.json', '.wxml', '.wxss'];

interface AppJson {
  pages: string[];
  tabBar?: { list: Array<{ pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }> };
  subPackages?: Array<{ root: string; pages: string[] }>;
  subpackages?: Array<{ root: string; pages: string[] }>;
}

/** Every page path of the app, the subpackages' included (`<root>/<page>`). */
function allPages(appJson: AppJson): string[] {
  const subpackages = [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])];
  return [...appJson.pages, ...subpackages.flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`))];
}

function readAppJson(): AppJson {
  return JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as AppJson;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

describe('weapp build in miniprogram/dist', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(DIST, 'app.json'))) {
      throw new Error(`${DIST}/app.json is missing: run \`npm run build:weapp -w miniprogram\` first`);
    }
  });

  it('lists every page of app.config, in order, with the tab bar of MEMBER_APP_TABS', () => {
    const appJson = readAppJson();
    expect(appJson.pages).toEqual(appConfig.pages);
    expect(appJson.subPackages ?? []).toEqual(appConfig.subPackages ?? []);
    expect(appJson.tabBar?.list.map((tab) => tab.pagePath)).toEqual(MEMBER_APP_TABS.map((tab) => tab.pagePath));
    expect(appJson.tabBar?.list.map((tab) => tab.text)).toEqual(MEMBER_APP_TABS.map((tab) => tab.text));
    for (const tab of appJson.tabBar?.list ?? []) expect(appJson.pages).toContain(tab.pagePath);
  });

  it('has the .js, .json, .wxml and .wxss of every page', () => {
    const missing = allPages(readAppJson()).flatMap((page) =>
      PAGE_FILE_EXTENSIONS.map((extension) => `${page}${extension}`).filter((file) => !fs.existsSync(path.join(DIST, file))),
    );
    expect(missing).toEqual([]);
  });

  it('ships the tab bar icons it names', () => {
    const icons = (readAppJson().tabBar?.list ?? []).flatMap((tab) => [tab.iconPath, tab.selectedIconPath]);
    const missing = icons.filter((icon): icon is string => Boolean(icon)).filter((icon) => !fs.existsSync(path.join(DIST, icon)));
    expect(missing).toEqual([]);
  });

  it('keeps the main package under 1.5 MB', () => {
    const appJson = readAppJson();
    const subpackageRoots = [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])].map((pkg) =>
      path.join(DIST, pkg.root),
    );
    const mainFiles = filesUnder(DIST).filter((file) => !subpackageRoots.some((root) => file.startsWith(`${root}${path.sep}`)));
    const totalBytes = mainFiles.reduce((sum, file) => sum + fs.statSync(file).size, 0);
    expect(totalBytes).toBeLessThan(MAIN_PACKAGE_LIMIT_BYTES);
  });
});
