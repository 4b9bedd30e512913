import { Button } from '@mantine/core';
import { IconPresentationAnalytics } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** "Business case": the client's ROI dashboard, from the register and the portfolio. */
export function BusinessCaseButton({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  return (
    <Button
      variant="default"
      component={Link}
      to={`/clients/${clientId}/business-case`}
      leftSection={<IconPresentationAnalytics size={16} aria-hidden />}
    >
      {t('businessCase.open')}
    </Button>
  );
}
