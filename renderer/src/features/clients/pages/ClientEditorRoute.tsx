import { ApiError, type Client, type ClientFieldsInput } from '@core/api';
import {
  Alert,
  Button,
  Drawer,
  EmptyState,
  Group,
  Kbd,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconArchive, IconReceipt2, IconUserOff } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import {
  useEffect,
  useMemo,
  useRef,
  type FocusEvent,
  type FormEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { i18n } from '../../../i18n';
import { describeError } from '../../../i18n/apiErrors';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useLeaveGuard } from '../../../lib/useLeaveGuard';
import { modKey } from '../../../lib/platform';
import { usePreferences } from '../../../stores/preferences';
import { ClientFormFields } from '../components/ClientFormFields';
import {
  changedFields,
  emptyFormValues,
  formValuesOf,
  serverFieldErrors,
  toClientFields,
  type ClientFormValues,
} from '../form';
import { useCreateClient, useRestoreClient, useUpdateClient } from '../mutations';
import { clientKeys, clientQueries } from '../queries';
import classes from './ClientEditor.module.css';

const FIELD_ORDER: (keyof ClientFormValues)[] = [
  'displayName',
  'legalName',
  'contactPerson',
  'phone',
  'email',
  'address',
  'defaultCurrency',
  'defaultDayRate',
  'paymentTermsDays',
  'documentLanguage',
  'taxId',
  'notes',
];

// Read at validation time, so errors follow a language switch made while the form is open.
const currentT = i18n.t.bind(i18n) as TFunction;

export function NewClientRoute() {
  const { t } = useTranslation();
  const create = useCreateClient();
  const { lastCurrency, language, setLastCurrency } = usePreferences();
  const initialValues = useMemo(
    () =>
      emptyFormValues({
        currency: lastCurrency ?? (language === 'zh-CN' ? 'CNY' : 'USD'),
        documentLanguage: language,
      }),
    // The starting values are fixed when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  return (
    <ClientEditor
      title={t('clients.editor.newTitle')}
      submitLabel={t('clients.editor.create')}
      initialValues={initialValues}
      onSave={async (fields) => {
        const client = await create.mutateAsync(fields);
        setLastCurrency(client.defaultCurrency);
        notifySuccess(t('clients.toast.created', { name: client.displayName }));
      }}
    />
  );
}

/** A client from any loaded list page, so the drawer opens filled in at once. */
function useClientFromLists(id: string): Client | undefined {
  const queryClient = useQueryClient();
  return useMemo(() => {
    for (const [, data] of queryClient.getQueriesData<{ pages?: { items: Client[] }[] }>({
      queryKey: clientKeys.lists(),
    })) {
      const found = data?.pages?.flatMap((page) => page.items).find((c) => c.id === id);
      if (found) return found;
    }
    return undefined;
  }, [queryClient, id]);
}

export function EditClientRoute() {
  const { t, i18n: instance } = useTranslation();
  const { id = '' } = useParams();
  const fromList = useClientFromLists(id);
  const query = useQuery({ ...clientQueries.detail(id), placeholderData: fromList });
  const update = useUpdateClient();
  const restore = useRestoreClient();
  const client = query.data;
  const locale = instance.language;
  const initialValues = useMemo(
    () => (client ? formValuesOf(client, locale) : undefined),
    // Only the first loaded version seeds the form; later refreshes must not wipe edits.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client?.id],
  );

  if (query.isError && !client) {
    const missing = query.error instanceof ApiError && query.error.code === 'NOT_FOUND';
    return (
      <EditorDrawer title={t('clients.editor.editTitle')}>
        <EmptyState
          mt="xl"
          withIndicatorBackground
          icon={<IconUserOff size={28} />}
          title={missing ? t('clients.editor.missingTitle') : t('errors.title')}
          description={
            missing ? t('clients.editor.missingDescription') : describeError(query.error, t)
          }
        />
      </EditorDrawer>
    );
  }

  return (
    <ClientEditor
      title={t('clients.editor.editTitle')}
      subtitle={client?.displayName}
      submitLabel={t('clients.editor.save')}
      initialValues={initialValues}
      banner={
        <>
          {client && (
            <Button
              component={Link}
              to={`/clients/${client.id}/debt`}
              variant="light"
              size="xs"
              leftSection={<IconReceipt2 size={16} aria-hidden />}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('debt.clientLink')}
            </Button>
          )}
          {client?.archived ? (
            <Alert
              variant="light"
              color="gray"
              icon={<IconArchive size={18} aria-hidden />}
              title={t('clients.editor.archivedTitle')}
            >
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">{t('clients.editor.archivedDescription')}</Text>
                <Button
                  size="compact-sm"
                  variant="default"
                  loading={restore.isPending}
                  onClick={() =>
                    restore.mutate(client.id, {
                      onSuccess: () =>
                        notifySuccess(t('clients.toast.restored', { name: client.displayName })),
                      onError: (error) => notifyError(describeError(error, t)),
                    })
                  }
                >
                  {t('clients.actions.restore')}
                </Button>
              </Group>
            </Alert>
          ) : null}
        </>
      }
      onSave={async (fields) => {
        if (!client) return;
        const changes = changedFields(client, fields);
        if (Object.keys(changes).length > 0) {
          const saved = await update.mutateAsync({ id: client.id, changes });
          notifySuccess(t('clients.toast.updated', { name: saved.displayName }));
        }
      }}
    />
  );
}

function EditorDrawer({
  title,
  subtitle,
  onClose,
  children,
}: {
  title: string;
  subtitle?: string | undefined;
  onClose?: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Drawer
      opened
      onClose={onClose ?? (() => navigate('/clients'))}
      position="right"
      size={640}
      padding={0}
      classNames={{ body: classes.body, header: classes.header }}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={
        <Stack gap={0}>
          <Text fw={650} size="lg">
            {title}
          </Text>
          {subtitle !== undefined && (
            <Text size="sm" c="dimmed" lineClamp={1} style={{ overflowWrap: 'anywhere' }}>
              {subtitle}
            </Text>
          )}
        </Stack>
      }
    >
      {children}
    </Drawer>
  );
}

interface ClientEditorProps {
  title: string;
  subtitle?: string | undefined;
  submitLabel: string;
  /** Undefined while the client is still loading. */
  initialValues: ClientFormValues | undefined;
  banner?: ReactNode;
  onSave: (fields: ClientFieldsInput) => Promise<void>;
}

/**
 * The create/edit drawer. Leaving with unsaved changes asks first, whether by Esc, Cancel,
 * the close button, the sidebar or a shortcut: every way out is a navigation, and the
 * router's blocker catches it while the form is dirty.
 */
function ClientEditor({
  title,
  subtitle,
  submitLabel,
  initialValues,
  banner,
  onSave,
}: ClientEditorProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isDirty = useRef<() => boolean>(() => false);
  const { blocker, allowLeave, dialog } = useLeaveGuard(() => isDirty.current());

  const close = () => {
    // Esc reaches the drawer too while the discard dialog is open; that dialog decides.
    if (blocker.state === 'blocked') return;
    navigate('/clients');
  };

  const saved = () => {
    allowLeave();
    navigate('/clients');
  };

  return (
    <>
      <EditorDrawer title={title} subtitle={subtitle} onClose={close}>
        {initialValues === undefined ? (
          <Stack p="lg" gap="lg" aria-busy aria-label={t('common.loading')}>
            {Array.from({ length: 6 }, (_, i) => (
              <Stack key={i} gap={6}>
                <Skeleton height={10} width={120} radius="sm" />
                <Skeleton height={36} radius="md" />
              </Stack>
            ))}
          </Stack>
        ) : (
          <EditorForm
            title={title}
            submitLabel={submitLabel}
            initialValues={initialValues}
            banner={banner}
            onSave={onSave}
            onSaved={saved}
            onCancel={close}
            isDirtyRef={isDirty}
          />
        )}
      </EditorDrawer>

      {dialog}
    </>
  );
}

interface EditorFormProps {
  title: string;
  submitLabel: string;
  initialValues: ClientFormValues;
  banner: ReactNode;
  onSave: (fields: ClientFieldsInput) => Promise<void>;
  onSaved: () => void;
  onCancel: () => void;
  isDirtyRef: RefObject<() => boolean>;
}

/**
 * The form itself: field errors from the contract's zod schema (translated), server issues
 * mapped back onto fields, Ctrl/Cmd+Enter saves. A field is checked when the user leaves
 * it after changing it, and every field once a save was tried.
 */
function EditorForm({
  title,
  submitLabel,
  initialValues,
  banner,
  onSave,
  onSaved,
  onCancel,
  isDirtyRef,
}: EditorFormProps) {
  const { t, i18n: instance } = useTranslation();
  const triedToSave = useRef(false);
  const form = useForm<ClientFormValues>({
    mode: 'controlled',
    initialValues,
    validate: (values) => {
      const result = toClientFields(values, { t: currentT, locale: i18n.language });
      return result.ok ? {} : result.errors;
    },
    enhanceGetInputProps: ({ field, form: self, inputProps }) => {
      // Captured now: the returned props replace `inputProps.onBlur` itself.
      const ownBlur = inputProps.onBlur as ((event: FocusEvent) => void) | undefined;
      return {
        onBlur: (event: FocusEvent) => {
          ownBlur?.(event);
          if (triedToSave.current || self.isDirty(field)) self.validateField(field);
        },
      };
    },
  });

  useEffect(() => {
    isDirtyRef.current = () => form.isDirty();
  }, [form, isDirtyRef]);

  // Errors already on screen are re-worded when the language changes.
  const hasErrors = Object.keys(form.errors).length > 0;
  useEffect(() => {
    if (hasErrors) form.validate();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [instance.language]);

  const focusFirstError = (errors: Record<string, unknown>) => {
    const first = FIELD_ORDER.find((field) => errors[field]);
    if (first) form.getInputNode(first)?.focus();
  };

  const submit = form.onSubmit(async (values) => {
    const result = toClientFields(values, { t: currentT, locale: instance.language });
    if (!result.ok) {
      form.setErrors(result.errors);
      focusFirstError(result.errors);
      return;
    }
    try {
      await onSave(result.fields);
      onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION' && error.issues.length > 0) {
        const errors = serverFieldErrors(error.issues, t);
        form.setErrors(errors);
        focusFirstError(errors);
      } else {
        notifyError(describeError(error, t));
      }
    }
  }, focusFirstError);

  const attemptSave = (event?: FormEvent<HTMLFormElement>) => {
    triedToSave.current = true;
    submit(event);
  };

  return (
    <form
      className={classes.form}
      noValidate
      onSubmit={attemptSave}
      onKeyDown={(event) => getHotkeyHandler([['mod+Enter', () => attemptSave()]])(event)}
      aria-label={title}
    >
      <div className={classes.fields}>
        {banner && <div className={classes.banner}>{banner}</div>}
        <ClientFormFields form={form} />
      </div>
      <div className={classes.footer}>
        <Group gap={6} wrap="nowrap" aria-hidden>
          <Kbd size="xs">{modKey()}</Kbd>
          <Kbd size="xs">Enter</Kbd>
          <Text size="xs" c="dimmed">
            {t('clients.editor.saveHint')}
          </Text>
        </Group>
        <Group gap="sm" ml="auto">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
        </Group>
      </div>
    </form>
  );
}
