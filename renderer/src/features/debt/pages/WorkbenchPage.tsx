import { ApiError, type Client } from '@core/api';
import type { DebtItem, DebtModelSettings } from '@core/api/debt';
import { evaluateDebtItem } from '@core/techdebt/evaluate';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalculator } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useNavigate, useParams, useSearchParams } from 'react-router';
import { call } from '../../../api/client';
import { describeError } from '../../../i18n/apiErrors';
import type { IssueLike } from '../../../i18n/validation';
import { formatMoneyInput } from '../../../lib/money';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { usePreferences } from '../../../stores/preferences';
import { clientKeys, clientQueries } from '../../clients/queries';
import { CumulativeChart, SensitivityChart } from '../components/DebtCharts';
import { EstimatorModal } from '../components/EstimatorModal';
import {
  DEFAULT_SETTINGS,
  debtFieldErrors,
  debtValuesOf,
  emptyDebtValues,
  modelInputOf,
  toDebtFields,
  type DebtFormValues,
} from '../form';
import { useDebtFormat } from '../format';
import { useCreateDebt, useUpdateDebt, useUpdateDebtSettings } from '../mutations';
import { categoryOptions, impactOptions, statusOptions } from '../options';
import { debtQueries, type EvaluateInput } from '../queries';
import classes from './WorkbenchPage.module.css';
import { BackLink } from '../../../components/BackLink';

const EVALUATE_DEBOUNCE_MS = 350;

/** `#/debt/new?client=…`: a new item for a client (chosen here when not given). */
export function NewDebtRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const clientId = params.get('client');
  const clients = useQuery({
    queryKey: [...clientKeys.lists(), 'debt-picker'],
    queryFn: () => call('clients.list', { limit: 500 }),
    enabled: !clientId,
  });
  if (!clientId) {
    return (
      <div className={classes.page}>
        <Paper withBorder radius="md" p="lg" maw={480}>
          <Select
            label={t('debt.editor.chooseClient')}
            data={(clients.data?.items ?? []).map((c) => ({ value: c.id, label: c.displayName }))}
            searchable
            onChange={(value) => value && setParams({ client: value })}
          />
          {clients.data?.total === 0 && (
            <Text size="sm" mt="sm">
              {t('debt.empty.noClients')}{' '}
              <Anchor component={Link} to="/clients/new">
                {t('debt.empty.addClient')}
              </Anchor>
            </Text>
          )}
        </Paper>
      </div>
    );
  }
  return <WorkbenchLoader clientId={clientId} />;
}

/** `#/debt/:id`: an existing item. */
export function EditDebtRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const item = useQuery(debtQueries.detail(id));
  if (item.isError) {
    const missing = item.error instanceof ApiError && item.error.code === 'NOT_FOUND';
    return (
      <div className={classes.page}>
        <Alert color="red" title={t('errors.title')}>
          {missing ? t('debt.editor.missing') : describeError(item.error, t)}
        </Alert>
      </div>
    );
  }
  if (!item.data) return <WorkbenchSkeleton />;
  return <WorkbenchLoader key={item.data.id} clientId={item.data.clientId} item={item.data} />;
}

function WorkbenchSkeleton() {
  const { t } = useTranslation();
  return (
    <div className={classes.page} aria-busy aria-label={t('common.loading')}>
      <Skeleton height={28} width={280} />
      <Skeleton height={420} mt="md" />
    </div>
  );
}

function WorkbenchLoader({ clientId, item }: { clientId: string; item?: DebtItem }) {
  const client = useQuery(clientQueries.detail(clientId));
  const settings = useQuery(debtQueries.settings(clientId));
  const { t } = useTranslation();
  if (client.isError || settings.isError) {
    return (
      <div className={classes.page}>
        <Alert color="red" title={t('errors.title')}>
          {describeError(client.error ?? settings.error, t)}
        </Alert>
      </div>
    );
  }
  if (!client.data || !settings.data) return <WorkbenchSkeleton />;
  return <Workbench client={client.data} savedSettings={settings.data} item={item} />;
}

function Workbench({
  client,
  savedSettings,
  item,
}: {
  client: Client;
  savedSettings: DebtModelSettings;
  item: DebtItem | undefined;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const navigate = useNavigate();
  const fmt = useDebtFormat();
  const currency = client.defaultCurrency;
  const create = useCreateDebt();
  const update = useUpdateDebt();
  const [settings, setSettings] = useState<DebtModelSettings>(savedSettings ?? DEFAULT_SETTINGS);
  const [estimatorOpen, setEstimatorOpen] = useState(false);
  const form = useForm<DebtFormValues>({
    mode: 'controlled',
    initialValues: item
      ? debtValuesOf(item, locale)
      : emptyDebtValues(client.defaultDayRateMinor, currency, locale),
  });
  const values = form.getValues();
  const registerPath = `/clients/${client.id}/debt`;
  const leaving = useRef(false);
  // Leaving with unsaved edits asks first, whichever way the user leaves.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      !leaving.current && form.isDirty() && currentLocation.pathname !== nextLocation.pathname,
  );

  const parsed = useMemo(
    () => toDebtFields(values, { clientId: client.id, currency, locale, t }),
    [values, client.id, currency, locale, t],
  );
  const live = useMemo(() => {
    if (!parsed.ok) return null;
    try {
      return evaluateDebtItem(modelInputOf(parsed.fields, settings));
    } catch {
      return null;
    }
  }, [parsed, settings]);

  const evaluateInput = useMemo<EvaluateInput | null>(() => {
    if (!parsed.ok || !live) return null;
    const f = parsed.fields;
    return {
      quarterlyCostMinor: f.quarterlyCostMinor,
      growthPerQuarter: f.growthPerQuarter ?? 0,
      fixDays: f.fixDays,
      dayRateMinor: f.dayRateMinor,
      residualFraction: f.residualFraction ?? 0,
      lagQuarters: f.lagQuarters ?? 0,
      settings,
    };
  }, [parsed, live, settings]);
  const [debouncedInput] = useDebouncedValue(evaluateInput, EVALUATE_DEBOUNCE_MS);
  const evaluation = useQuery({
    ...debtQueries.evaluate(debouncedInput!),
    enabled: debouncedInput !== null,
  });
  const dist = evaluateInput ? evaluation.data?.distribution : undefined;

  const submit = async () => {
    const result = toDebtFields(form.getValues(), { clientId: client.id, currency, locale, t });
    if (!result.ok) {
      form.setErrors(result.errors);
      return;
    }
    form.clearErrors();
    try {
      if (item) {
        const { clientId: _c, ...changes } = result.fields;
        const saved = await update.mutateAsync({ id: item.id, changes });
        form.resetDirty(form.getValues());
        notifySuccess(t('debt.toast.updated', { title: saved.title }));
      } else {
        const saved = await create.mutateAsync(result.fields);
        notifySuccess(t('debt.toast.created', { title: saved.title }));
        leaving.current = true;
        void navigate(`/debt/${saved.id}`, { replace: true });
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION') {
        form.setErrors(debtFieldErrors(error.issues as unknown as IssueLike[], t));
      }
      notifyError(describeError(error, t));
    }
  };

  // Field errors follow the user's corrections once shown.
  const shownErrors = Object.keys(form.errors).length > 0;
  useEffect(() => {
    if (shownErrors) form.setErrors(parsed.ok ? {} : parsed.errors);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [parsed]);

  const money = (field: 'costLow' | 'costLikely' | 'costHigh' | 'dayRate', key: string) => (
    <TextInput
      label={t(`debt.fields.${key}` as 'debt.fields.title')}
      leftSection={
        <Text size="xs" c="dimmed">
          {currency}
        </Text>
      }
      leftSectionWidth={44}
      inputMode="decimal"
      className="tabular"
      {...form.getInputProps(field)}
    />
  );
  const days = (field: 'fixLow' | 'fixLikely' | 'fixHigh', key: string) => (
    <NumberInput
      label={t(`debt.fields.${key}` as 'debt.fields.title')}
      min={0}
      step={0.5}
      decimalScale={2}
      {...form.getInputProps(field)}
    />
  );

  const saving = create.isPending || update.isPending;
  const title = values.title.trim() || t('debt.editor.newTitle');

  return (
    <div className={classes.page}>
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={2}>
          <BackLink to={registerPath}>
            {t('debt.backToRegister')} · {client.displayName}
          </BackLink>
          <Title order={2} size="h3" lineClamp={1}>
            {title}
          </Title>
        </Stack>
        <Button onClick={() => void submit()} loading={saving} size="md">
          {item ? t('debt.editor.save') : t('debt.editor.create')}
        </Button>
      </Group>

      <div className={classes.columns}>
        <form
          className={classes.form}
          noValidate
          aria-label={title}
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Paper withBorder radius="md" p="md" component="fieldset" className={classes.fieldset}>
            <legend className={classes.legend}>{t('debt.sections.what')}</legend>
            <Stack gap="sm">
              <TextInput
                label={t('debt.fields.title')}
                withAsterisk
                {...form.getInputProps('title')}
              />
              <Textarea
                label={t('debt.fields.description')}
                autosize
                minRows={2}
                maxRows={6}
                {...form.getInputProps('description')}
              />
              <SimpleGrid cols={2} spacing="sm">
                <Select
                  label={t('debt.fields.category')}
                  data={categoryOptions(t)}
                  allowDeselect={false}
                  {...form.getInputProps('category')}
                />
                <Select
                  label={t('debt.fields.impact')}
                  data={impactOptions(t)}
                  allowDeselect={false}
                  {...form.getInputProps('impact')}
                />
                <TextInput
                  label={t('debt.fields.affectedSystem')}
                  {...form.getInputProps('affectedSystem')}
                />
                <Select
                  label={t('debt.fields.status')}
                  data={statusOptions(t)}
                  allowDeselect={false}
                  {...form.getInputProps('status')}
                />
              </SimpleGrid>
            </Stack>
          </Paper>

          <Paper withBorder radius="md" p="md" component="fieldset" className={classes.fieldset}>
            <legend className={classes.legend}>{t('debt.sections.cost')}</legend>
            <Stack gap="sm">
              <Group justify="space-between">
                {values.costEstimate ? (
                  <Badge variant="light" radius="sm">
                    {t('debt.editor.estimatedWith', {
                      method: t(`debt.estimator.methods.${values.costEstimate.method}`),
                    })}
                  </Badge>
                ) : (
                  <span />
                )}
                <Button
                  variant="light"
                  size="xs"
                  leftSection={<IconCalculator size={16} aria-hidden />}
                  onClick={() => setEstimatorOpen(true)}
                >
                  {t('debt.editor.estimate')}
                </Button>
              </Group>
              <SimpleGrid cols={3} spacing="sm">
                {money('costLow', 'costLow')}
                {money('costLikely', 'costLikely')}
                {money('costHigh', 'costHigh')}
              </SimpleGrid>
              <NumberInput
                label={t('debt.fields.growth')}
                suffix=" %"
                min={-50}
                max={100}
                step={0.5}
                decimalScale={2}
                w="50%"
                {...form.getInputProps('growthPct')}
              />
            </Stack>
          </Paper>

          <Paper withBorder radius="md" p="md" component="fieldset" className={classes.fieldset}>
            <legend className={classes.legend}>{t('debt.sections.fix')}</legend>
            <Stack gap="sm">
              <SimpleGrid cols={3} spacing="sm">
                {days('fixLow', 'fixLow')}
                {days('fixLikely', 'fixLikely')}
                {days('fixHigh', 'fixHigh')}
              </SimpleGrid>
              <SimpleGrid cols={3} spacing="sm">
                {money('dayRate', 'dayRate')}
                <NumberInput
                  label={t('debt.fields.residual')}
                  suffix=" %"
                  min={0}
                  max={100}
                  decimalScale={2}
                  {...form.getInputProps('residualPct')}
                />
                <NumberInput
                  label={t('debt.fields.lag')}
                  min={0}
                  max={199}
                  allowDecimal={false}
                  {...form.getInputProps('lagQuarters')}
                />
              </SimpleGrid>
            </Stack>
          </Paper>

          <Paper withBorder radius="md" p="md" component="fieldset" className={classes.fieldset}>
            <legend className={classes.legend}>{t('debt.sections.notes')}</legend>
            <Stack gap="sm">
              <TagsInput
                label={t('debt.fields.tags')}
                placeholder={t('debt.fields.tagsPlaceholder')}
                maxTags={20}
                clearable
                {...form.getInputProps('tags')}
              />
              <Textarea
                label={t('debt.fields.evidence')}
                placeholder={t('debt.fields.evidencePlaceholder')}
                autosize
                minRows={2}
                maxRows={8}
                {...form.getInputProps('evidence')}
              />
            </Stack>
          </Paper>
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </form>

        <Stack gap="md" className={classes.results}>
          <Paper
            withBorder
            radius="md"
            p="md"
            component="section"
            aria-label={t('debt.results.title')}
            aria-live="polite"
          >
            <Title order={3} size="h6" mb="xs">
              {t('debt.results.title')}
            </Title>
            {live ? (
              <Stack gap="sm">
                <div>
                  <Text size="xs" c="dimmed">
                    {t('debt.results.netBenefit')}
                  </Text>
                  <Text
                    fz={28}
                    fw={750}
                    className="tabular"
                    data-testid="net-benefit"
                    c={live.netBenefit < 0 ? 'red' : undefined}
                  >
                    {fmt.money(live.netBenefit, currency)}
                  </Text>
                  <Text size="sm" c="dimmed" className="tabular" data-testid="net-benefit-range">
                    {dist
                      ? t('debt.results.range', {
                          low: fmt.money(dist.p10, currency),
                          high: fmt.money(dist.p90, currency),
                        })
                      : t('debt.results.calculating')}
                  </Text>
                </div>
                <SimpleGrid cols={3} spacing="sm">
                  <Figure
                    label={t('debt.results.chancePositive')}
                    value={dist ? fmt.percent(dist.probPositive) : '…'}
                    testId="prob-positive"
                  />
                  <Figure
                    label={t('debt.results.roi')}
                    value={fmt.percent(live.roi)}
                    testId="roi"
                  />
                  <Figure
                    label={t('debt.results.payback')}
                    value={fmt.payback(live.discountedPayback?.quarters ?? null)}
                    testId="payback"
                  />
                  <Figure
                    label={t('debt.results.cd3')}
                    hint={t('debt.results.cd3Hint')}
                    value={fmt.cd3(live.cd3, currency)}
                    testId="cd3"
                  />
                  <Figure
                    label={t('debt.results.pvCarry')}
                    value={fmt.money(live.pvCarry, currency)}
                  />
                  <Figure
                    label={t('debt.results.fixCost')}
                    value={fmt.money(live.fixCost, currency)}
                  />
                </SimpleGrid>
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                {t('debt.results.invalid')}
              </Text>
            )}
          </Paper>

          <SettingsPanel
            clientId={client.id}
            clientName={client.displayName}
            settings={settings}
            saved={savedSettings}
            onChange={setSettings}
          />

          {evaluateInput && evaluation.data && (
            <>
              <CumulativeChart data={evaluation.data.cumulative} currency={currency} />
              <SensitivityChart data={evaluation.data.sensitivity} currency={currency} />
            </>
          )}
        </Stack>
      </div>

      <Modal
        opened={blocker.state === 'blocked'}
        onClose={() => blocker.reset?.()}
        title={t('clients.discard.title')}
        size="sm"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Text size="sm">{t('clients.discard.body')}</Text>
        <Group justify="flex-end" mt="lg" gap="sm">
          <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
            {t('clients.discard.keep')}
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            {t('clients.discard.confirm')}
          </Button>
        </Group>
      </Modal>

      {estimatorOpen && (
        <EstimatorModal
          currency={currency}
          initial={values.costEstimate}
          onClose={() => setEstimatorOpen(false)}
          onUse={(estimate, figures) => {
            const text = (minor: number) => formatMoneyInput(minor, currency, locale);
            form.setValues({
              costEstimate: estimate,
              costLow: text(figures.low),
              costLikely: text(figures.likely),
              costHigh: text(figures.high),
            });
            setEstimatorOpen(false);
            notifySuccess(t('debt.estimator.applied'));
          }}
        />
      )}
    </div>
  );
}

function Figure({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  testId?: string;
}) {
  return (
    <div>
      <Text size="xs" c="dimmed" title={hint}>
        {label}
      </Text>
      <Text fw={650} className="tabular" data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

function SettingsPanel({
  clientId,
  clientName,
  settings,
  saved,
  onChange,
}: {
  clientId: string;
  clientName: string;
  settings: DebtModelSettings;
  saved: DebtModelSettings;
  onChange: (settings: DebtModelSettings) => void;
}) {
  const { t } = useTranslation();
  const mutation = useUpdateDebtSettings();
  const dirty = JSON.stringify(settings) !== JSON.stringify(saved);
  const language = usePreferences((s) => s.language);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('debt.settings.title')}>
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={3} size="h6">
            {t('debt.settings.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('debt.settings.forClient', { client: clientName })}
          </Text>
        </div>
        <Button
          size="xs"
          variant="default"
          disabled={!dirty}
          loading={mutation.isPending}
          onClick={() =>
            mutation.mutate(
              { clientId, changes: settings },
              {
                onSuccess: () => notifySuccess(t('debt.toast.settingsSaved')),
                onError: (error) => notifyError(describeError(error, t)),
              },
            )
          }
        >
          {t('debt.settings.save')}
        </Button>
      </Group>
      <SimpleGrid cols={2} spacing="sm" lang={language}>
        <NumberInput
          size="xs"
          label={t('debt.settings.discountRate')}
          suffix=" %"
          min={0}
          max={100}
          step={0.5}
          decimalScale={2}
          value={Math.round(settings.annualDiscountRate * 100 * 1e6) / 1e6}
          onChange={(v) =>
            typeof v === 'number' &&
            v >= 0 &&
            v <= 100 &&
            onChange({ ...settings, annualDiscountRate: v / 100 })
          }
        />
        <NumberInput
          size="xs"
          label={t('debt.settings.horizon')}
          min={1}
          max={200}
          allowDecimal={false}
          value={settings.horizonQuarters}
          onChange={(v) =>
            typeof v === 'number' &&
            v >= 1 &&
            v <= 200 &&
            onChange({ ...settings, horizonQuarters: v })
          }
        />
        <LabelledChoice
          id="rate-mode-label"
          label={t('debt.settings.rateMode')}
          value={settings.rateMode}
          onChange={(rateMode) => onChange({ ...settings, rateMode })}
          data={[
            { value: 'effective', label: t('debt.settings.effective') },
            { value: 'nominal', label: t('debt.settings.nominal') },
          ]}
        />
        <LabelledChoice
          id="distribution-label"
          label={t('debt.settings.distribution')}
          value={settings.distribution}
          onChange={(distribution) => onChange({ ...settings, distribution })}
          data={[
            { value: 'pert', label: t('debt.settings.pert') },
            { value: 'triangular', label: t('debt.settings.triangular') },
          ]}
        />
      </SimpleGrid>
    </Paper>
  );
}

/** A small segmented choice with its caption above (the settings panel's two switches). */
function LabelledChoice<V extends string>({
  id,
  label,
  value,
  data,
  onChange,
}: {
  id: string;
  label: string;
  value: V;
  data: { value: V; label: string }[];
  onChange: (value: V) => void;
}) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={500} id={id}>
        {label}
      </Text>
      <SegmentedControl<V>
        size="xs"
        aria-labelledby={id}
        value={value}
        onChange={onChange}
        data={data}
      />
    </Stack>
  );
}
