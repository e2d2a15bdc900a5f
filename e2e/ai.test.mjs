// End to end with AI: an admin saves an OpenAI-compatible provider in Settings → AI providers (pointed at the
// local stand-in server, the only fake allowed), tests it, runs "Cluster with AI" on the Keywords page and
// watches the progress bar reach 100%; the Credits page then shows the charge.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startFakeOpenAi } from '../cloud/test/fake-openai.mjs';
import { freePort } from '../scripts/wp/env.mjs';
import { startStack } from '../scripts/dev/stack.mjs';
import { launch, wpLogin } from './browser.mjs';

let stack;
let fake;
let browser;
let page;
const stateDir = mkdtempSync(path.join(os.tmpdir(), 'igny8-e2e-ai-'));

before(async () => {
  fake = await startFakeOpenAi();
  stack = await startStack({ stateDir, cloudPort: await freePort(), wpPort: await freePort(), connect: true, wpPassword: 'e2e-admin-pass' });
  const { site, owner } = stack.demo;
  const sectors = await (await fetch(`${stack.cloudUrl}/api/v1/auth/sites/${site.id}/sectors`, { headers: { authorization: `Bearer ${owner.access}` } })).json();
  const keywords = ['espresso grinder', 'espresso grinders', 'best espresso grinder', 'burr grinder', 'burr grinders', 'coffee scale', 'coffee scales', 'milk frother'].map((keyword, i) => ({ keyword, volume: 100 * (i + 1) }));
  const res = await fetch(`${stack.cloudUrl}/api/v1/planner/keywords/bulk_create`, {
    method: 'POST',
    headers: { authorization: `Bearer ${owner.access}`, 'content-type': 'application/json' },
    body: JSON.stringify({ site_id: site.id, sector_id: sectors.results[0].id, keywords }),
  });
  assert.equal(res.status, 201);
  browser = await launch();
  page = await browser.newPage();
  page.on('pageerror', (err) => console.error('page error:', err.message));
  await wpLogin(page, stack.wpUrl, 'admin', 'e2e-admin-pass');
});

after(async () => {
  await browser?.close();
  await stack?.stop();
  await fake?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

test('an admin saves and tests an OpenAI-compatible provider; the key is only shown masked', async () => {
  await page.goto(`${stack.wpUrl}/wp-admin/admin.php?page=igny8-settings&tab=ai-providers`);
  await page.getByTestId('igny8-provider-openai').waitFor();
  await page.getByTestId('igny8-openai-key').fill('sk-e2e-secret-key-7777');
  await page.getByTestId('igny8-openai-base-url').fill(fake.url);
  await page.getByTestId('igny8-openai-text-model').fill('gpt-4o-mini');
  await page.getByTestId('igny8-openai-save').click();
  await page.getByTestId('igny8-provider-openai').getByText('sk-…7777').waitFor();
  assert.equal(await page.getByText('sk-e2e-secret-key-7777').count(), 0);
  await page.getByTestId('igny8-openai-test').click();
  const result = page.getByTestId('igny8-openai-test-result');
  await result.waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="igny8-openai-test-result"]')?.getAttribute('data-ok') === 'true');
});

test('"Cluster with AI" shows the job progressing to 100% and the charge', async () => {
  await page.goto(`${stack.wpUrl}/wp-admin/admin.php?page=igny8-keywords`);
  await page.getByTestId('igny8-keyword-row').first().waitFor();
  await page.getByTestId('igny8-cluster-ai-button').click();
  const progress = page.getByTestId('igny8-job-progress');
  await progress.waitFor();
  const seen = new Set();
  const until = Date.now() + 30_000;
  for (;;) {
    const state = await progress.getAttribute('data-state');
    seen.add(Number(await progress.getAttribute('data-percentage')));
    if (state === 'succeeded' || state === 'failed' || Date.now() > until) break;
    await page.waitForTimeout(100);
  }
  assert.equal(await progress.getAttribute('data-state'), 'succeeded', await progress.textContent());
  assert.equal(await progress.getAttribute('data-percentage'), '100');
  assert.match(await page.getByTestId('igny8-job-credits').textContent(), /1 credit/);
  assert.ok(fake.stats()['gpt-4o-mini'] >= 2, 'the provider test and the job reached the stand-in server');

  const clusters = await (await fetch(`${stack.cloudUrl}/api/v1/planner/clusters?site_id=${stack.demo.site.id}`, { headers: { authorization: `Bearer ${stack.demo.owner.access}` } })).json();
  assert.ok(clusters.count > 0);
  assert.ok(clusters.results.every((c) => c.name.startsWith('AI: ')));
});

test('the Credits page shows the balance, the ledger and the usage', async () => {
  await page.goto(`${stack.wpUrl}/wp-admin/admin.php?page=igny8-credits`);
  await page.getByTestId('igny8-credit-balance').waitFor();
  assert.match(await page.getByTestId('igny8-credit-balance').textContent(), /99/);
  await page.getByTestId('igny8-ledger-row').first().waitFor();
  const types = await page.getByTestId('igny8-ledger-type').allTextContents();
  assert.ok(types.some((t) => /hold/i.test(t)));
  await page.getByTestId('igny8-usage-daily-chart').waitFor();
});
