/** Moved to ui/ (both dashboards and the debt screens draw with it); kept for old imports. */
export { useChartTheme, type ChartTheme } from '../../../ui/chartTheme';
