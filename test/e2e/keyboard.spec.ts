import { ClientForm } from './pages/ClientForm';
import { ClientsPage } from './pages/ClientsPage';
import { expect, test } from './support/fixtures';

test('skip link, then the toolbar in tab order', async ({ app }) => {
  await app.open();
  const clients = new ClientsPage(app.page);
  await app.page.keyboard.press('Tab');
  const skip = app.page.getByRole('link', { name: clients.t('shell.skipToContent') });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await app.page.keyboard.press('Enter');
  await expect(app.page.getByRole('main')).toBeFocused();
  await app.page.keyboard.press('Tab');
  await expect(clients.search).toBeFocused();
});

test('rows: arrow keys move, Enter opens, Esc closes', async ({ app }) => {
  for (const name of ['Acme Robotics', 'Globex', 'Initech']) {
    await app.call('clients.create', { displayName: name, defaultCurrency: 'EUR' });
  }
  await app.open();
  const clients = new ClientsPage(app.page);
  await clients.rows.first().focus();
  await app.page.keyboard.press('ArrowDown');
  await expect(clients.row('Globex')).toBeFocused();
  await app.page.keyboard.press('End');
  await expect(clients.row('Initech')).toBeFocused();
  await app.page.keyboard.press('Home');
  await expect(clients.row('Acme Robotics')).toBeFocused();
  await app.page.keyboard.press('ArrowDown');
  await app.page.keyboard.press('Enter');
  const form = new ClientForm(app.page, 'en', 'edit');
  await expect(form.dialog).toContainText('Globex');
  await app.page.keyboard.press('Escape');
  await expect(form.dialog).toBeHidden();
});

test('Ctrl+N, Ctrl+Enter, Ctrl+, and the unsaved-changes guard', async ({ app }) => {
  await app.open();
  const clients = new ClientsPage(app.page);
  const form = new ClientForm(app.page);

  await app.page.keyboard.press('Control+N');
  await expect(form.dialog).toBeVisible();
  await form.field('displayName').fill('Wayne Enterprises');

  // Esc with unsaved changes asks first; "Keep editing" keeps them.
  await app.page.keyboard.press('Escape');
  const discard = app.page.getByRole('dialog', { name: clients.t('clients.discard.title') });
  await expect(discard).toBeVisible();
  await app.screenshot('en-unsaved-changes');
  await discard.getByRole('button', { name: clients.t('clients.discard.keep') }).click();
  await expect(discard).toBeHidden();
  await expect(form.field('displayName')).toHaveValue('Wayne Enterprises');

  // Ctrl+Enter saves from inside a field.
  await form.field('displayName').press('Control+Enter');
  await expect(form.dialog).toBeHidden();
  await expect(clients.row('Wayne Enterprises')).toBeVisible();

  // Ctrl+, opens Settings, even with focus in a field.
  await clients.search.focus();
  await app.page.keyboard.press('Control+Comma');
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText(clients.t('nav.settings'));

  // Leaving a dirty form by a shortcut asks too; "Discard changes" leaves.
  await app.page.keyboard.press('Control+N');
  await form.field('displayName').fill('Not kept');
  await form.field('displayName').press('Control+Comma');
  await discard.getByRole('button', { name: clients.t('clients.discard.confirm') }).click();
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText(clients.t('nav.settings'));
  expect((await app.call('clients.list', {})).total).toBe(1);
});

test('the application menu commands arrive as window events', async ({ app }) => {
  await app.open('/settings');
  const form = new ClientForm(app.page);
  const menu = (command: string) =>
    app.page.evaluate(
      // The preload re-dispatches the menu's IPC message exactly like this.
      (detail) =>
        (globalThis as unknown as EventTarget).dispatchEvent(
          new CustomEvent('engagement-desk:menu', { detail }),
        ),
      command,
    );
  await menu('new-client');
  await expect(form.dialog).toBeVisible();
  await menu('settings');
  await expect(form.dialog).toBeHidden();
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText(form.t('nav.settings'));
  await menu('something-else');
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText(form.t('nav.settings'));
});
