import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Templates from '../../templates';
import { startTestServices, type TestServices } from '../../test/support/services';
import { makeTempDir } from '../../test/support/temp';
import { documentsApi, loadDemo, testClock, type Demo } from './test-helpers';

// A template that throws: the layout fails for every document.
vi.mock('../../templates', async (original) => ({
  ...(await original<typeof Templates>()),
  renderDocument: () => Promise.reject(new Error('layout exploded')),
}));

let services: TestServices;
let api: ReturnType<typeof documentsApi>;
let demo: Demo;
beforeEach(async () => {
  services = await startTestServices({ now: testClock().now });
  api = documentsApi(services);
  demo = await loadDemo(services);
});
afterEach(() => services.dispose());

describe('when the layout fails', () => {
  it('documents.render answers INTERNAL with the reason RENDER_FAILED, no stack', async () => {
    const error = await api.refuse('documents.render', {
      kind: 'invoice',
      id: demo.invoices.en.id,
    });
    expect(error).toMatchObject({ code: 'INTERNAL', reason: 'RENDER_FAILED' });
    expect(error.message).not.toContain('exploded');
  });

  it('an export job fails with RENDER_FAILED and writes no summary', async () => {
    const out = makeTempDir();
    try {
      const started = await api.call('documents.exportInvoices.start', {
        range: { from: '2026-10-01', to: '2026-11-30' },
        folder: out.dir,
      });
      let job = started;
      while (job.state === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 10));
        job = await api.call('documents.exportInvoices.status', { jobId: started.jobId });
      }
      expect(job).toMatchObject({ state: 'failed', done: 0, summaryFile: null });
      expect(job.error?.reason).toBe('RENDER_FAILED');
      expect(fs.readdirSync(out.dir)).toEqual([]);
    } finally {
      out.cleanup();
    }
  });
});
