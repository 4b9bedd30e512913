/**
 * PDF rendering (Node only; the one impure file of the templates layer): pdfmake with Noto
 * Sans SC as the only font, no network and no file access but the two font files.
 *
 * Fonts are read and parsed once per process (`ensureFonts`): pdfmake's virtual file system
 * holds, under each font's real path, a key that fontkit resolves to the font parsed at start
 * (see `ParsedFontFormat`), so no document reads 2 × 10 MB from disk or re-decodes the CJK
 * tables; each document still subsets and embeds only its own glyphs. If that ever fails, the
 * plain bytes are used instead (parsed per document, still no disk reads). Charts carry no SVG
 * text (see ./charts), because pdfkit would open the font file from disk for every SVG label.
 *
 * The font files are found with Node's module resolution from this module, which works from
 * the sources (tsx, vitest), from the electron-vite bundle (out/main/services.js, CommonJS)
 * and from a packaged app: node_modules inside app.asar is readable by the utility process
 * (Electron's asar-aware fs), so no asarUnpack entry is needed. `setFontFiles` overrides it.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import { FONT } from './blocks';
import { documentDefinition, withoutLogo } from './document';
import type { DocumentModel } from './model';

export interface RenderedPdf {
  bytes: Uint8Array;
  pageCount: number;
}

export interface FontFiles {
  regular: string;
  bold: string;
}

interface VirtualFs {
  writeFileSync(name: string, content: Buffer): void;
}

const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';

let override: FontFiles | null = null;
let loaded: FontFiles | null = null;

/**
 * `require` where the code runs as CommonJS (the services bundle, tsx, Playwright), else one
 * made for this file (vitest runs it as ESM but defines `__filename`). No `import.meta`:
 * it is a syntax error in CommonJS.
 */
function localRequire(): NodeJS.Require {
  return typeof require === 'function' ? require : createRequire(__filename);
}

/** Where the bundled fonts are: the package's directory, resolved like an import. */
export function defaultFontFiles(): FontFiles {
  const dir = path.dirname(localRequire().resolve(`${FONT_PACKAGE}/package.json`));
  return {
    regular: path.join(dir, '400Regular', 'NotoSansSC_400Regular.ttf'),
    bold: path.join(dir, '700Bold', 'NotoSansSC_700Bold.ttf'),
  };
}

/** Use these font files instead of the package's (call before the first render). */
export function setFontFiles(files: FontFiles): void {
  override = files;
  loaded = null;
}

interface FontkitModule {
  create(buffer: Uint8Array, postscriptName?: string): unknown;
  registerFormat(format: unknown): void;
}

/**
 * Parsed fonts, shared by every document of the process.
 *
 * pdfkit turns the font bytes into a fontkit font for every document (`fontkit.create`), and
 * a fresh fontkit font re-decodes the big tables of a 10 MB CJK font (cmap, GSUB, GPOS, hmtx)
 * as text is laid out. fontkit's public `registerFormat` lets us add a "format" whose probe
 * recognises a small key buffer and whose constructor hands back the one font parsed at start.
 * pdfmake's virtual file system holds those keys under the font paths, so pdfkit asks fontkit
 * for the key and gets the parsed font; every document still gets its own subset and
 * embedding (pdfkit's EmbeddedFont). Fonts are read from disk exactly once per process.
 * Rendering is synchronous once started, so the shared decode stream is never used by two
 * documents at the same time.
 */
const parsedFonts = new WeakMap<Uint8Array, unknown>();

class ParsedFontFormat {
  /** The key buffers start with bytes no real font format (TTF, WOFF, TTC, dfont) accepts. */
  static probe(buffer: Uint8Array): boolean {
    return parsedFonts.has(buffer);
  }
  constructor(stream: { buffer: Uint8Array }) {
    const font = parsedFonts.get(stream.buffer);
    if (!font) throw new Error('templates: unknown parsed-font key');
    // A constructor may return another object: `new` then yields the parsed font itself.
    return font as ParsedFontFormat;
  }
}

/** The fontkit instance pdfkit itself uses (resolved from pdfmake → pdfkit → fontkit). */
function pdfkitsFontkit(): FontkitModule {
  const pdfkit = createRequire(localRequire().resolve('pdfmake')).resolve('pdfkit');
  return createRequire(pdfkit)('fontkit') as FontkitModule;
}

/** pdfkit's fontkit with `ParsedFontFormat` registered (once per process). */
let fontkit: FontkitModule | null = null;
function sharingFontkit(): FontkitModule {
  if (!fontkit) {
    const instance = pdfkitsFontkit();
    instance.registerFormat(ParsedFontFormat);
    fontkit = instance;
  }
  return fontkit;
}

let useParsedFonts = true;

/** Loads the fonts once per process; returns the files in use. */
export function ensureFonts(): FontFiles {
  if (loaded) return loaded;
  const files = override ?? defaultFontFiles();
  const vfs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;
  for (const file of [files.regular, files.bold]) {
    const bytes = fs.readFileSync(file);
    let stored: Buffer = bytes;
    if (useParsedFonts) {
      try {
        const shared = sharingFontkit();
        // 'EDSK', then 0xFFFFFFFF (an out-of-range dfont map offset), then a tag
        const key = Buffer.concat([
          Buffer.from('EDSK'),
          Buffer.from([0xff, 0xff, 0xff, 0xff]),
          Buffer.from(`font:${file.length}`),
        ]);
        parsedFonts.set(key, shared.create(bytes));
        if (shared.create(key) !== parsedFonts.get(key)) throw new Error('not shared');
        stored = key;
      } catch {
        useParsedFonts = false; // plain bytes: pdfkit parses them per document
      }
    }
    vfs.writeFileSync(file, stored);
  }
  pdfmake.setFonts({
    [FONT]: {
      normal: files.regular,
      bold: files.bold,
      italics: files.regular,
      bolditalics: files.bold,
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  const allowed = new Set([files.regular, files.bold]);
  pdfmake.setLocalAccessPolicy((p) => allowed.has(p));
  loaded = files;
  return files;
}

/** Whether documents share the fonts parsed at start (false: pdfkit parses per document). */
export function fontsShared(): boolean {
  ensureFonts();
  return useParsedFonts;
}

/** Renders with the fonts as plain bytes (the fallback if the shared fonts ever fail). */
function disableParsedFonts(): void {
  useParsedFonts = false;
  loaded = null;
}

async function render(doc: DocumentModel): Promise<RenderedPdf> {
  ensureFonts();
  const def = documentDefinition(doc);
  let pageCount = 0;
  const footer = def.footer;
  if (typeof footer === 'function') {
    def.footer = (currentPage, pages, pageSize) => {
      pageCount = pages;
      return footer(currentPage, pages, pageSize);
    };
  }
  const buffer = await pdfmake.createPdf(def).getBuffer();
  return {
    bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
    pageCount,
  };
}

/** Lays out and renders one document. A logo that cannot be decoded is left out. */
export async function renderDocument(doc: DocumentModel): Promise<RenderedPdf> {
  try {
    return await render(doc);
  } catch (error) {
    if (useParsedFonts && error instanceof Error && /font/i.test(error.message)) {
      disableParsedFonts();
      return renderDocument(doc);
    }
    const logo = doc.model.ctx.branding.logo ?? doc.model.ctx.seller.logo;
    if (logo && error instanceof Error && /image/i.test(error.message)) {
      return render(withoutLogo(doc));
    }
    throw error;
  }
}
