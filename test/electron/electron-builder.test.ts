/**
 * The installer configuration cannot be exercised here (electron-builder needs the Electron
 * binary), so this pins what the release relies on: hardened fuses, the native SQLite
 * binding outside the asar, the migrations shipped, and a config electron-builder accepts.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultFontFiles } from '../../templates/render';

const root = path.resolve(__dirname, '..', '..');
const require = createRequire(import.meta.url);
// js-yaml arrives with electron-builder; it has no bundled types, hence the typed require.
const yaml = require('js-yaml') as { load(source: string): unknown };

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; category: string; maintainer: string };
  win: { target: string[] };
  mac: { target: string[]; category: string };
}

const config = yaml.load(
  readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'),
) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toBe('app.engagementdesk.desktop');
    expect(config.productName).toBe('Engagement Desk');
    expect(config.directories.output).toBe('release');
  });

  it('hardens the Electron fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('keeps the native SQLite binding out of the asar and never rebuilds it', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(false);
    // The prebuilt binaries the unpacked folder must contain.
    expect(existsSync(path.join(root, 'node_modules', 'better-sqlite3', 'prebuilds'))).toBe(true);
  });

  it('ships the build output, the migrations and package.json, and no sources', () => {
    expect(config.files).toEqual(
      expect.arrayContaining(['out/**', 'db/migrations/**', 'package.json']),
    );
    const included = config.files.filter((pattern) => !pattern.startsWith('!'));
    expect(included.sort()).toEqual(['db/migrations/**', 'out/**', 'package.json']);
    // Main loads what electron-vite emits, and the services apply what db/migrations holds.
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      main: string;
    };
    expect(pkg.main.replace(/^\.\//, '')).toBe('out/main/index.js');
    expect(
      readdirSync(path.join(root, 'db', 'migrations')).some((file) => file.endsWith('.sql')),
    ).toBe(true);
  });

  it('ships the two font weights the PDFs use and leaves the other seven out', () => {
    const fontPackage = path.join(root, 'node_modules', '@expo-google-fonts', 'noto-sans-sc');
    const pattern = config.files.find((p) => p.startsWith('!node_modules/@expo-google-fonts/'));
    const excluded = /\{([^}]*)\}/.exec(pattern ?? '')?.[1]?.split(',') ?? [];
    const used = Object.values(defaultFontFiles()).map((file) => path.basename(path.dirname(file)));
    expect(used.sort()).toEqual(['400Regular', '700Bold']);
    const weights = readdirSync(fontPackage).filter((name) => /^\d00[A-Z]/.test(name));
    expect(excluded.sort()).toEqual(weights.filter((w) => !used.includes(w)).sort());
    // The OFL travels with the font.
    expect(existsSync(path.join(fontPackage, 'LICENSE_FONT'))).toBe(true);
  });

  it('builds AppImage and deb, NSIS and dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.category).toBe('public.app-category.business');
  });

  it('has a 1024x1024 icon in the build resources', () => {
    const png = readFileSync(path.join(root, config.directories.buildResources, 'icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
  });

  it("passes electron-builder's own schema", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util/out/DebugLogger') as {
      DebugLogger: new (enabled: boolean) => unknown;
    };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });
});
