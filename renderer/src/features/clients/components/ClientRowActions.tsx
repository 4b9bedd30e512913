import type { Client } from '@core/api';
import { ActionIcon, Menu } from '@mantine/core';
import {
  IconArchive,
  IconArchiveOff,
  IconDots,
  IconPencil,
  IconPresentationAnalytics,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface ClientActionHandlers {
  open: (client: Client) => void;
  archive: (client: Client) => void;
  restore: (client: Client) => void;
  confirmDelete: (client: Client) => void;
}

/** A row's menu; its table cell keeps the clicks from opening the row. */
export function ClientRowActions({
  client,
  actions,
  tabIndex,
}: {
  client: Client;
  actions: ClientActionHandlers;
  tabIndex: number;
}) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={200}>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          tabIndex={tabIndex}
          aria-label={t('clients.actions.menu', { name: client.displayName })}
        >
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          leftSection={<IconPencil size={16} aria-hidden />}
          onClick={() => actions.open(client)}
        >
          {t('clients.actions.edit')}
        </Menu.Item>
        <Menu.Item
          component={Link}
          to={`/clients/${client.id}/business-case`}
          leftSection={<IconPresentationAnalytics size={16} aria-hidden />}
        >
          {t('businessCase.open')}
        </Menu.Item>
        {client.archived ? (
          <Menu.Item
            leftSection={<IconArchiveOff size={16} aria-hidden />}
            onClick={() => actions.restore(client)}
          >
            {t('clients.actions.restore')}
          </Menu.Item>
        ) : (
          <Menu.Item
            leftSection={<IconArchive size={16} aria-hidden />}
            onClick={() => actions.archive(client)}
          >
            {t('clients.actions.archive')}
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => actions.confirmDelete(client)}
        >
          {t('clients.actions.delete')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
