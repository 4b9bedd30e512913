import {
  Button,
  NumberInput,
  Textarea,
  TextInput,
  type ButtonProps,
  type NumberInputProps,
  type TextareaProps,
  type TextInputProps,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';

type Omitted = 'value' | 'onChange';

/** A percentage typed as text (exact decimals, checked by the caller), with a % suffix. */
export function PercentInput({
  value,
  onValueChange,
  ...props
}: Omit<TextInputProps, Omitted | 'rightSection'> & {
  value: string;
  onValueChange: (value: string) => void;
}) {
  return (
    <TextInput
      rightSection="%"
      {...props}
      value={value}
      onChange={(e) => onValueChange(e.currentTarget.value)}
    />
  );
}

/** Payment terms in whole days, 0–365; '' while the field is empty. */
export function PaymentTermsInput({
  value,
  onDaysChange,
  ...props
}: Omit<NumberInputProps, Omitted | 'onValueChange' | 'min' | 'max' | 'allowDecimal'> & {
  value: number | '';
  onDaysChange: (days: number | '') => void;
}) {
  return (
    <NumberInput
      min={0}
      max={365}
      allowDecimal={false}
      {...props}
      value={value}
      onChange={(v) => onDaysChange(v === '' ? '' : Number(v))}
    />
  );
}

/** A free-text field that grows with its content (two rows unless told). */
export function LongTextInput({
  value,
  onValueChange,
  minRows = 2,
  ...props
}: Omit<TextareaProps, Omitted | 'autosize'> & {
  value: string;
  onValueChange: (value: string) => void;
}) {
  return (
    <Textarea
      autosize
      minRows={minRows}
      {...props}
      value={value}
      onChange={(e) => onValueChange(e.currentTarget.value)}
    />
  );
}

/** "+ Add …" under a list of editable rows. */
export function AddRowButton({
  children,
  onClick,
  ...props
}: ButtonProps & { children: ReactNode; onClick: () => void }) {
  return (
    <Button
      variant="default"
      leftSection={<IconPlus size={16} aria-hidden />}
      style={{ alignSelf: 'flex-start' }}
      {...props}
      onClick={onClick}
    >
      {children}
    </Button>
  );
}
