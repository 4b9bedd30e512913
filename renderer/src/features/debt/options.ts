import {
  DebtCategory,
  DebtStatus,
  ImpactLevel,
  type DebtCategory as Category,
  type DebtStatus as Status,
  type ImpactLevel as Impact,
} from '@core/api/debt';
import type { TFunction } from 'i18next';

export const CATEGORIES = DebtCategory.options;
export const STATUSES = DebtStatus.options;
export const IMPACTS = ImpactLevel.options;

export const IMPACT_COLOR: Record<Impact, string> = {
  critical: 'red',
  high: 'orange',
  medium: 'yellow',
  low: 'teal',
};

export const STATUS_COLOR: Record<Status, string> = {
  identified: 'gray',
  proposed: 'blue',
  accepted: 'indigo',
  in_progress: 'violet',
  fixed: 'teal',
  wont_fix: 'dark',
};

export const categoryOptions = (t: TFunction) =>
  CATEGORIES.map((value: Category) => ({ value, label: t(`debt.category.${value}`) }));
export const statusOptions = (t: TFunction) =>
  STATUSES.map((value: Status) => ({ value, label: t(`debt.status.${value}`) }));
export const impactOptions = (t: TFunction) =>
  IMPACTS.map((value: Impact) => ({ value, label: t(`debt.impact.${value}`) }));
