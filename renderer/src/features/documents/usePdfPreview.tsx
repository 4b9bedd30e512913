import type { DocumentRequestInput } from '@core/api';
import { useState, type ReactNode } from 'react';
import { PdfPreviewModal } from './PdfPreviewModal';

/** One preview modal per page section: `open(request, title)` shows it. */
export function usePdfPreview(): {
  open: (request: DocumentRequestInput, title: string) => void;
  modal: ReactNode;
} {
  const [shown, setShown] = useState<{ request: DocumentRequestInput; title: string } | null>(null);
  return {
    open: (request, title) => setShown({ request, title }),
    modal: (
      <PdfPreviewModal
        request={shown?.request ?? null}
        title={shown?.title ?? ''}
        onClose={() => setShown(null)}
      />
    ),
  };
}
