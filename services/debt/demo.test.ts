import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client, DebtItem, DebtListOutput } from '../../core/api';
import { startTestServices, type TestServices } from '../../test/support/services';
import { fail, ok } from './test-helpers';

let services: TestServices;
beforeEach(async () => {
  services = await startTestServices();
});
afterEach(() => services.dispose());

describe('demo.load', () => {
  it('loads an English and a Chinese client with 15–25 realistic items each, once', async () => {
    const loaded = await ok<{ clientIds: string[]; debtItems: number }>(
      services.invoke('demo.load', { locale: 'zh-CN' }),
    );
    expect(loaded.clientIds).toHaveLength(2);
    const [zh, en] = await Promise.all(
      loaded.clientIds.map((id) => ok<Client>(services.invoke('clients.get', { id }))),
    );
    expect(zh).toMatchObject({
      displayName: '华东某零售集团',
      defaultCurrency: 'CNY',
      documentLanguage: 'zh-CN',
    });
    expect(en).toMatchObject({ defaultCurrency: 'EUR', documentLanguage: 'en' });
    let total = 0;
    for (const client of [zh!, en!]) {
      const { items } = await ok<DebtListOutput>(
        services.invoke('debt.list', { clientId: client.id, limit: 500 }),
      );
      expect(items.length).toBeGreaterThanOrEqual(15);
      expect(items.length).toBeLessThanOrEqual(25);
      total += items.length;
      expect(new Set(items.map((i: DebtItem) => i.category)).size).toBeGreaterThanOrEqual(6);
      expect(new Set(items.map((i) => i.status)).size).toBeGreaterThanOrEqual(4);
      expect(items.some((i) => i.costEstimate !== null)).toBe(true);
      expect(items.every((i) => i.currency === client.defaultCurrency)).toBe(true);
      expect(items.filter((i) => i.evaluation.netBenefitMinor > 0).length).toBeGreaterThan(8);
    }
    const zhItems = (
      await ok<DebtListOutput>(services.invoke('debt.list', { clientId: zh!.id, limit: 500 }))
    ).items;
    expect(zhItems.every((i) => /[\u4e00-\u9fff]/.test(i.title))).toBe(true);
    expect(loaded.debtItems).toBe(total);

    const again = await fail(services.invoke('demo.load', { locale: 'en' }));
    expect(again).toMatchObject({ code: 'CONFLICT', reason: 'DEMO_ALREADY_LOADED' });
    expect((await ok<DebtListOutput>(services.invoke('debt.list', {}))).total).toBe(total);
  });
});
