import { catalogKeys, catalogs } from './support/catalog';
import { expect, test } from '@playwright/test';

// No browser: both UI catalogs must offer the same keys (plural forms included).
test('en and zh-CN catalogs have the same keys', () => {
  const en = catalogKeys(catalogs.en).sort();
  const zh = catalogKeys(catalogs['zh-CN']).sort();
  expect(
    zh.filter((key) => !en.includes(key)),
    'only in zh-CN',
  ).toEqual([]);
  expect(
    en.filter((key) => !zh.includes(key)),
    'only in en',
  ).toEqual([]);
});

test('no catalog entry is empty or left untranslated by accident', () => {
  const zh = catalogs['zh-CN'] as unknown as Record<string, unknown>;
  const sameInBoth = catalogKeys(catalogs.en).filter((key) => {
    const get = (root: unknown) =>
      key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], root);
    const value = get(catalogs.en);
    if (typeof value !== 'string' || value.trim() === '') return true;
    return value === get(zh) && /[a-z]{3,}/i.test(value.replace(/\{\{[^}]+\}\}/g, ''));
  });
  // Language names and the product name are the same in every language.
  expect(sameInBoth.sort()).toEqual(['app.name', 'languages.en']);
});
