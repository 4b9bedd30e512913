import type { EngagementStage, EngagementType } from '@core/api';

export const ENGAGEMENT_TYPES: EngagementType[] = [
  'fixed_price',
  'time_and_materials',
  'retainer',
  'subscription',
];
export const ENGAGEMENT_STAGES: EngagementStage[] = [
  'lead',
  'proposal_sent',
  'won',
  'active',
  'completed',
  'lost',
  'cancelled',
];
