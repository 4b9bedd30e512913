import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  CopyButton,
  Group,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  Tooltip,
  useMantineColorScheme,
} from '@mantine/core';
import {
  IconCheck,
  IconCloudExclamation,
  IconCopy,
  IconDeviceDesktop,
  IconMoon,
  IconServer2,
  IconSun,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { IconSparkles } from '@tabler/icons-react';
import { useLoadDemoAction } from '../debt/useDebtActions';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../i18n/apiErrors';
import { useFormatters } from '../../i18n/format';
import {
  usePreferences,
  type ColorSchemePreference,
  type Language,
} from '../../stores/preferences';
import { ProfileSection } from '../billing/components/ProfileSection';
import { BackupsSection } from './BackupsSection';
import { appQueries } from './queries';
import { Row, Section } from './SettingsLayout';
import { WorkspaceDataSection } from './WorkspaceDataSection';
import classes from './SettingsPage.module.css';

function CopyablePath({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Text className={classes.path} flex={1}>
        {value}
      </Text>
      <CopyButton value={value} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('settings.data.copied') : t('settings.data.copy')}>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              onClick={copy}
              aria-label={t('settings.data.copyPath', { path: value })}
            >
              {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const language = usePreferences((s) => s.language);
  const setLanguage = usePreferences((s) => s.setLanguage);
  const info = useQuery(appQueries.info());
  const demo = useLoadDemoAction();

  const themeLabel = (icon: ReactNode, text: string) => (
    <Group gap={6} wrap="nowrap" justify="center">
      {icon}
      <span>{text}</span>
    </Group>
  );

  const infoValue = (render: (data: NonNullable<typeof info.data>) => ReactNode) =>
    info.data ? (
      render(info.data)
    ) : info.isError ? (
      <Text size="sm" c="red">
        {describeError(info.error, t)}
      </Text>
    ) : (
      <Skeleton height={14} width="60%" radius="sm" />
    );

  return (
    <div className={classes.page}>
      <Stack gap="lg">
        <ProfileSection />
        <Section title={t('settings.appearance.title')}>
          <Row label={t('settings.appearance.theme')} hint={t('settings.appearance.themeHint')}>
            <SegmentedControl<ColorSchemePreference>
              aria-label={t('settings.appearance.theme')}
              value={colorScheme}
              onChange={setColorScheme}
              data={[
                {
                  value: 'auto',
                  label: themeLabel(
                    <IconDeviceDesktop size={16} aria-hidden />,
                    t('settings.appearance.system'),
                  ),
                },
                {
                  value: 'light',
                  label: themeLabel(
                    <IconSun size={16} aria-hidden />,
                    t('settings.appearance.light'),
                  ),
                },
                {
                  value: 'dark',
                  label: themeLabel(
                    <IconMoon size={16} aria-hidden />,
                    t('settings.appearance.dark'),
                  ),
                },
              ]}
            />
          </Row>
          <Row label={t('settings.language.label')} hint={t('settings.language.hint')}>
            <SegmentedControl<Language>
              aria-label={t('settings.language.label')}
              value={language}
              onChange={setLanguage}
              data={[
                { value: 'en', label: t('languages.en') },
                { value: 'zh-CN', label: t('languages.zh-CN') },
              ]}
            />
          </Row>
        </Section>

        <Section title={t('settings.data.title')} description={t('settings.data.description')}>
          {info.data?.dataLocationWarning && (
            <Alert
              mt="md"
              color="yellow"
              variant="light"
              icon={
                info.data.dataLocationWarning.kind === 'network' ? (
                  <IconServer2 size={18} aria-hidden />
                ) : (
                  <IconCloudExclamation size={18} aria-hidden />
                )
              }
              title={
                info.data.dataLocationWarning.kind === 'network'
                  ? t('settings.data.warning.networkTitle', {
                      provider: info.data.dataLocationWarning.provider,
                    })
                  : t('settings.data.warning.cloudTitle', {
                      provider: info.data.dataLocationWarning.provider,
                    })
              }
            >
              {info.data.dataLocationWarning.kind === 'network'
                ? t('settings.data.warning.network')
                : t('settings.data.warning.cloud')}
            </Alert>
          )}
          <Row label={t('settings.data.folder')}>
            {infoValue((data) => (
              <CopyablePath value={data.dataDir} />
            ))}
          </Row>
          <Row label={t('settings.data.file')}>
            {infoValue((data) => (
              <CopyablePath value={data.databaseFile} />
            ))}
          </Row>
          <Row label={t('settings.data.schemaVersion')}>
            {infoValue((data) => (
              <Badge variant="light" radius="sm" className="tabular">
                {fmt.number(data.schemaVersion)}
              </Badge>
            ))}
          </Row>
        </Section>

        <BackupsSection />

        <WorkspaceDataSection />

        <Section title={t('demo.title')} description={t('demo.description')}>
          <Row label={t('demo.title')}>
            <Button
              variant="default"
              leftSection={<IconSparkles size={16} aria-hidden />}
              loading={demo.loading}
              onClick={demo.load}
            >
              {t('demo.load')}
            </Button>
          </Row>
        </Section>

        <Section title={t('settings.about.title')}>
          <Row label={t('app.name')}>
            {infoValue((data) => (
              <Text size="sm" className="tabular">
                {t('settings.about.version', { version: data.version })}
              </Text>
            ))}
          </Row>
        </Section>
      </Stack>
    </div>
  );
}
