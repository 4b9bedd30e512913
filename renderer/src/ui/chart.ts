import type { ChartTheme } from './chartTheme';

/** recharts' tooltip box in the app's colours: spread into `<Tooltip>`. */
export function tooltipStyle(theme: ChartTheme, fontSize = 12) {
  return {
    contentStyle: {
      background: theme.tooltipBg,
      border: `1px solid ${theme.tooltipBorder}`,
      borderRadius: 8,
      color: theme.text,
      fontSize,
    },
    labelStyle: { color: theme.text, fontWeight: 600 },
  };
}

/** An axis line and its ticks in the theme's axis colour: spread into `<XAxis>` / `<YAxis>`. */
export function axisStyle(theme: ChartTheme, fontSize = 11) {
  return { stroke: theme.axis, tick: { fill: theme.axis, fontSize } };
}

/** Room around the plot of the app's line and area charts. */
export const CHART_MARGIN = { top: 8, right: 12, bottom: 4, left: 8 };
