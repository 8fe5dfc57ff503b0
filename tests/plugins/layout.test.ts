// One layout for every local plugin (docs/admin.md, "Plugin layout"), and the proof
// that Strapi puts every plugin's admin into the admin bundle: the function
// `strapi build` and `strapi develop` both use to write the bundle's entry
// (getMapOfPluginsWithAdmin) is asked which plugins have an admin.
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const PLUGINS_DIR = path.join(ROOT, 'src', 'plugins');
const plugins = fs.readdirSync(PLUGINS_DIR).filter((name) => fs.existsSync(path.join(PLUGINS_DIR, name, 'package.json')));
const file = (plugin: string, ...parts: string[]) => path.join(PLUGINS_DIR, plugin, ...parts);
const hasAdmin = (plugin: string) => fs.existsSync(file(plugin, 'admin', 'src'));
const json = (p: string) => JSON.parse(fs.readFileSync(p, 'utf8'));

// The admin entry Strapi would generate: run in plain Node, as the CLI does (it loads config/plugins.ts with esbuild).
const SCRIPT = `
const path = require('path');
const root = process.argv[1];
const { getEnabledPlugins, getMapOfPluginsWithAdmin } = require(path.join(root, 'node_modules/@strapi/strapi/dist/src/node/core/plugins.js'));
const pkg = require(path.join(root, 'package.json'));
const strapi = { config: { get: (key, d) => (key === 'info.dependencies' ? pkg.dependencies : d) }, dirs: { app: { config: path.join(root, 'config') } } };
const logger = { debug() {}, info() {}, warn() {}, error() {} };
getEnabledPlugins({ cwd: root, logger, runtimeDir: path.join(root, '.strapi', 'client'), strapi })
  .then((enabled) => console.log(JSON.stringify(getMapOfPluginsWithAdmin(enabled).map((p) => p.name))));
`;

describe('plugin packaging', () => {
  test('there are local plugins to check', () => {
    expect(plugins).toEqual(expect.arrayContaining(['approval-workflow', 'audit-trail', 'cif-sync', 'diario-oficial', 'protocol']));
  });

  test.each(plugins)('%s: one exports shape (./strapi-server require, ./strapi-admin import when it has an admin)', (plugin) => {
    const pkg = json(file(plugin, 'package.json'));
    expect(pkg.name).toBe(plugin);
    expect(pkg.strapi).toEqual(expect.objectContaining({ kind: 'plugin', name: plugin, displayName: expect.any(String) }));
    expect(pkg.exports).toEqual({
      './strapi-server': { require: './strapi-server.js' },
      ...(hasAdmin(plugin) ? { './strapi-admin': { import: './admin/src/index.ts' } } : {}),
      './package.json': './package.json',
    });
    expect(fs.readFileSync(file(plugin, 'strapi-server.js'), 'utf8')).toContain(`require('../../../dist/src/plugins/${plugin}/server/src').default`);
    expect(fs.existsSync(file(plugin, 'server', 'src', 'index.ts'))).toBe(true);
  });

  test('strapi build and strapi develop bundle the admin of every plugin that has one', () => {
    const bundled: string[] = JSON.parse(execFileSync(process.execPath, ['-e', SCRIPT, ROOT], { cwd: ROOT, encoding: 'utf8' }));
    expect(bundled).toEqual(expect.arrayContaining(plugins.filter(hasAdmin)));
  });
});

describe('plugin admin layout', () => {
  // Every plugin's admin/src, and the archive's admin part (src/admin/archive, the media-archive plugin's admin to be).
  const adminDirs: Record<string, string> = {
    ...Object.fromEntries(plugins.filter(hasAdmin).map((plugin) => [plugin, file(plugin, 'admin', 'src')])),
    'media-archive': path.join(ROOT, 'src', 'admin', 'archive'),
  };
  const withAdmin = Object.keys(adminDirs);
  const adminFile = (name: string, ...parts: string[]) => path.join(adminDirs[name], ...parts);

  test.each(withAdmin)('%s: index, pluginId, pages/App behind Page.Protect, translations es and en with the same keys', (plugin) => {
    for (const part of ['index.ts', 'pluginId.ts', 'pages/App.tsx', 'translations/es.json', 'translations/en.json']) {
      expect([plugin, part, fs.existsSync(adminFile(plugin, part))]).toEqual([plugin, part, true]);
    }
    expect(fs.readFileSync(adminFile(plugin, 'pages', 'App.tsx'), 'utf8')).toContain('<Page.Protect');
    const es = json(adminFile(plugin, 'translations', 'es.json'));
    const en = json(adminFile(plugin, 'translations', 'en.json'));
    expect(Object.keys(en).sort()).toEqual(Object.keys(es).sort());
    for (const [key, value] of [...Object.entries(es), ...Object.entries(en)]) expect([key, typeof value === 'string' && value.trim() !== '']).toEqual([key, true]);
  });

  test.each(withAdmin)('%s: every literal translation key the admin code uses exists in Spanish', (plugin) => {
    const es = json(adminFile(plugin, 'translations', 'es.json'));
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(entry.name)) sources.push(fs.readFileSync(p, 'utf8'));
      }
    };
    walk(adminDirs[plugin]);
    // t('key'), label('key', …), useT()('key') — the helpers every plugin's admin uses for its own keys.
    const used = new Set(sources.flatMap((source) => [...source.matchAll(/\b(?:t|label)\(\s*'([a-zA-Z0-9.-]+)'/g)].map((m) => m[1])));
    expect([...used].filter((key) => !(key in es))).toEqual([]);
    expect(used.size).toBeGreaterThan(0);
  });
});
