import { useComputedColorScheme, useMantineTheme } from '@mantine/core';
import { useMemo } from 'react';

/** Concrete colours for recharts' SVG (presentation attributes), per light/dark scheme. */
export function useChartTheme() {
  const theme = useMantineTheme();
  const scheme = useComputedColorScheme('light');
  return useMemo(() => {
    const dark = scheme === 'dark';
    const shade = dark ? 4 : 6;
    const c = theme.colors;
    return {
      dark,
      grid: dark ? c.dark[4] : c.gray[3],
      axis: dark ? c.dark[1] : c.gray[7],
      tooltipBg: dark ? c.dark[6] : theme.white,
      tooltipBorder: dark ? c.dark[4] : c.gray[3],
      text: dark ? c.dark[0] : c.dark[9],
      carry: c.red[shade],
      fix: c.indigo[shade],
      zero: dark ? c.dark[2] : c.gray[6],
      series: [c.indigo[shade], c.teal[shade], c.orange[shade], c.grape[shade], c.cyan[shade]],
      /** Good / warning / bad figures (met SLA, aging, overdue). */
      good: c.teal[shade],
      warn: c.orange[shade],
      bad: c.red[shade],
      impact: {
        critical: c.red[shade],
        high: c.orange[shade],
        medium: c.yellow[dark ? 5 : 7],
        low: c.teal[shade],
      },
    };
  }, [theme, scheme]);
}

export type ChartTheme = ReturnType<typeof useChartTheme>;
