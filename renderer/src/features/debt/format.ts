import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/format';
import { minorDigits } from '../../lib/money';

/** Present values are float minor units: shown rounded half-up to whole minor units. */
export function roundMinor(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/** The debt screens' numbers: money from (float) minor units, percents, days, payback. */
export function useDebtFormat() {
  const fmt = useFormatters();
  const { t } = useTranslation();
  return useMemo(() => {
    const percent = new Intl.NumberFormat(fmt.locale, {
      style: 'percent',
      maximumFractionDigits: 1,
    });
    const decimal = new Intl.NumberFormat(fmt.locale, { maximumFractionDigits: 1 });
    const decimal2 = new Intl.NumberFormat(fmt.locale, { maximumFractionDigits: 2 });
    return {
      ...fmt,
      money: (minor: number, currency: string) => fmt.money(roundMinor(minor), currency),
      /** Estimates in whole units (`€288,380`): cents on a judgement are noise. */
      wholeMoney: (minor: number, currency: string) =>
        new Intl.NumberFormat(fmt.locale, {
          style: 'currency',
          currency,
          minimumFractionDigits: 0,
          maximumFractionDigits: 0,
        }).format(roundMinor(minor) / 10 ** minorDigits(currency)),
      percent: (fraction: number | null) => (fraction === null ? '—' : percent.format(fraction)),
      days: (value: number) => t('debt.charts.days', { value: decimal2.format(value) }),
      decimal: (value: number) => decimal.format(value),
      cd3: (value: number | null, currency: string) =>
        value === null
          ? '—'
          : new Intl.NumberFormat(fmt.locale, {
              style: 'currency',
              currency,
              minimumFractionDigits: 0,
              maximumFractionDigits: 0,
            }).format(roundMinor(value) / 10 ** minorDigits(currency)),
      payback: (quarters: number | null) =>
        quarters === null
          ? t('debt.payback.never')
          : quarters === 0
            ? t('debt.payback.immediate')
            : t('debt.payback.quarters', { value: decimal.format(quarters) }),
    };
  }, [fmt, t]);
}

export type DebtFormat = ReturnType<typeof useDebtFormat>;
