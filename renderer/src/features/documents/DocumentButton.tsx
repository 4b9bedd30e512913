import type { DocumentRequestInput } from '@core/api';
import { Button, type ButtonProps } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { usePdfPreview } from './usePdfPreview';

/** A button that opens the PDF preview of one document. */
export function DocumentButton({
  request,
  title,
  children,
  ...props
}: ButtonProps & { request: DocumentRequestInput; title: string; children: ReactNode }) {
  const preview = usePdfPreview();
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconFileTypePdf size={16} aria-hidden />}
        {...props}
        onClick={() => preview.open(request, title)}
      >
        {children}
      </Button>
      {preview.modal}
    </>
  );
}
