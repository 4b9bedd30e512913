import type { HandlerMap } from '../handler-types';
import { ServiceError } from '../errors';
import { workspaceCsv, workspaceJson } from './format';
import { applyPlan, digestOf, parseWorkspaceFile, planMerge, previewOf } from './merge';

/**
 * The whole workspace out (JSON, CSV) and back in (preview, then apply). Main writes and reads
 * the files the user chose (electron/main/os-methods.ts); these handlers only see text.
 */
export const workspaceHandlers: HandlerMap<
  | 'workspace.exportJson'
  | 'workspace.exportCsvFiles'
  | 'workspace.import.preview'
  | 'workspace.import.apply'
> = {
  'workspace.exportJson': (_input, ctx) => workspaceJson(ctx),

  'workspace.exportCsvFiles': (_input, ctx) => workspaceCsv(ctx),

  'workspace.import.preview': ({ text }, ctx) => {
    const plan = planMerge(ctx, parseWorkspaceFile(ctx, text));
    // A dry run of the default policy: a row the data file would refuse shows up now.
    applyPlan(ctx, plan, 'keep-mine', true);
    return previewOf(plan);
  },

  'workspace.import.apply': ({ text, policy, expectedDigest, dryRun }, ctx) => {
    if (expectedDigest !== undefined && digestOf(text) !== expectedDigest) {
      throw new ServiceError(
        'CONFLICT',
        'The file changed since it was previewed; choose it again to see what it holds now.',
        { reason: 'IMPORT_FILE_CHANGED' },
      );
    }
    const plan = planMerge(ctx, parseWorkspaceFile(ctx, text));
    return applyPlan(ctx, plan, policy, dryRun);
  },
};
