import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';

type PdfJs = typeof PdfJsModule;

let loading: Promise<PdfJs> | null = null;

/**
 * pdf.js, loaded on first use: it is a large module the app does not need until a preview
 * opens, so it lives in its own chunk. Its worker is a file of the build (same origin), so
 * the CSP needs no blob: worker and no eval (pdf.js 6 has no eval path at all).
 */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')])
    .then(([pdfjs, worker]) => {
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      return pdfjs;
    })
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Opens a rendered document; `onProgress` gets 0..1 while pdf.js reads it. */
export async function openPdf(
  base64: string,
  onProgress?: (fraction: number) => void,
): Promise<{ pdf: PDFDocumentProxy; destroy: () => Promise<void> }> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: bytesOf(base64),
    // Our PDFs embed (subset) Noto Sans SC; nothing is fetched from anywhere.
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
  });
  task.onProgress = ({ loaded, total }: { loaded: number; total: number }) => {
    if (total > 0) onProgress?.(Math.min(1, loaded / total));
  };
  const pdf = await task.promise;
  return { pdf, destroy: () => task.destroy() };
}
