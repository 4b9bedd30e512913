import en from '../../../renderer/src/i18n/en.json';
import zhCN from '../../../renderer/src/i18n/zh-CN.json';

export type Catalog = typeof en;
export const catalogs = { en, 'zh-CN': zhCN as Catalog } as const;
export type Language = keyof typeof catalogs;

type Vars = Record<string, string | number>;

function lookup(catalog: Catalog, key: string): string {
  const value = key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      catalog,
    );
  if (typeof value !== 'string') throw new Error(`No catalog entry for ${key}`);
  return value;
}

/**
 * The UI's own wording for page models and assertions, so the same test reads English
 * and Chinese screens. Mirrors i18next's `{{name}}` and `{{count, number}}` interpolation
 * and its `_zero`/`_one`/`_other` plural keys.
 */
export function tr(language: Language, key: string, vars: Vars = {}): string {
  const catalog = catalogs[language];
  let text: string;
  if (typeof vars.count === 'number') {
    // i18next: `_zero` wins for 0 in every language, then the language's plural category.
    const candidates = [
      ...(vars.count === 0 ? [`${key}_zero`] : []),
      `${key}_${new Intl.PluralRules(language).select(vars.count)}`,
      `${key}_other`,
    ];
    const found = candidates.find((candidate) => {
      try {
        lookup(catalog, candidate);
        return true;
      } catch {
        return false;
      }
    });
    text = lookup(catalog, found ?? `${key}_other`);
  } else {
    text = lookup(catalog, key);
  }
  return text.replace(
    /\{\{\s*(\w+)(?:\s*,\s*(\w+))?\s*\}\}/g,
    (_, name: string, format?: string) => {
      const value = vars[name];
      if (value === undefined) throw new Error(`Missing {{${name}}} for ${key}`);
      return format === 'number' && typeof value === 'number'
        ? new Intl.NumberFormat(language).format(value)
        : String(value);
    },
  );
}

/** Every leaf key of a catalog, dotted. */
export function catalogKeys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) =>
    catalogKeys(value, prefix ? `${prefix}.${key}` : key),
  );
}
