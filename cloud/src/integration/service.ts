// Connecting a WordPress site: one-time codes, the exchange for a site secret, tests both ways, disconnect.
import { and, eq, gt, isNull } from 'drizzle-orm';
import { randomHex } from '@igny8/shared';
import type { Env } from '../env';
import type { Db } from '../db';
import { accounts, connectionCodes, sites } from '../db/schema';
import { encryptSecret, sha256 } from '../lib/crypto';
import { AppError } from '../lib/errors';
import type { Principal } from '../lib/principal';
import type { Site } from '../lib/resources';
import { accountPlan } from '../tenancy/plans';
import { planOut, siteOut } from '../tenancy/serialize';
import { callWordPress, loadSiteSecret } from './signing';

const CODE_TTL_MS = 15 * 60 * 1000;
// No 0/O, 1/I/L: codes are read and typed by people.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function newCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
  return `IG8-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

function normaliseCode(code: string) {
  return code.trim().toUpperCase().replace(/\s+/g, '');
}

export async function createConnectionCode(db: Db, p: Principal, site: Site) {
  const code = newCode();
  const expiresAt = new Date(Date.now() + CODE_TTL_MS).toISOString();
  await db.insert(connectionCodes).values({ accountId: site.accountId, siteId: site.id, codeHash: await sha256(code), expiresAt, createdBy: p.userId });
  return { code, expires_at: expiresAt };
}

export async function connect(
  env: Env,
  db: Db,
  input: { code: string; site_url: string; rest_url?: string; wp_version?: string; plugin_version?: string; site_name?: string },
) {
  const now = new Date().toISOString();
  const hash = await sha256(normaliseCode(input.code));
  // Spend the code first: of two exchanges of one code only one gets a secret.
  const [spent] = await db
    .update(connectionCodes)
    .set({ usedAt: now })
    .where(and(eq(connectionCodes.codeHash, hash), isNull(connectionCodes.usedAt), gt(connectionCodes.expiresAt, now)))
    .returning();
  if (!spent) throw new AppError('unauthenticated', 'The connection code is wrong, used or expired; create a new one in IGNY8');
  const secret = randomHex(32);
  const siteUrl = new URL(input.site_url);
  const restUrl = input.rest_url ?? new URL('/wp-json/', siteUrl).toString();
  const [site] = await db
    .update(sites)
    .set({
      siteSecretEnc: await encryptSecret(env.ENCRYPTION_KEY, secret),
      wpUrl: input.site_url,
      wpOrigin: siteUrl.origin,
      wpRestUrl: restUrl,
      wpVersion: input.wp_version ?? null,
      pluginVersion: input.plugin_version ?? null,
      domain: siteUrl.host,
      connectedAt: now,
      lastSeenAt: now,
      updatedAt: now,
    })
    .where(and(eq(sites.id, spent.siteId), eq(sites.accountId, spent.accountId)))
    .returning();
  if (!site) throw new AppError('not_found', 'The site of this code no longer exists');
  const account = await db.query.accounts.findFirst({ where: eq(accounts.id, site.accountId) });
  const plan = await accountPlan(db, site.accountId);
  return { site_id: site.id, site_secret: secret, site: siteOut(site), account: { id: account!.id, name: account!.name }, plan: plan ? planOut(plan) : null };
}

/** Cloud → WordPress: a signed call to the plugin's site-metadata route. */
async function pingWordPress(env: Env, db: Db, siteId: number): Promise<{ ok: boolean; error?: string }> {
  const site = await loadSiteSecret(env, db, siteId);
  if (!site) return { ok: false, error: 'The site is not connected' };
  try {
    const res = await callWordPress(site, 'GET', 'igny8/v1/site-metadata');
    if (!res.ok) {
      const text = await res.text();
      let message = text.slice(0, 200);
      try {
        message = (JSON.parse(text) as { message?: string }).message ?? message;
      } catch {
        /* not JSON */
      }
      return { ok: false, error: `WordPress answered ${res.status}: ${message}` };
    }
    const meta = (await res.json()) as { site_id?: number; wp_version?: string; plugin_version?: string };
    if (Number(meta.site_id) !== site.id) return { ok: false, error: 'WordPress is connected to another site id' };
    await db
      .update(sites)
      .set({ lastSeenAt: new Date().toISOString(), wpVersion: meta.wp_version ?? site.wpVersion, pluginVersion: meta.plugin_version ?? site.pluginVersion })
      .where(eq(sites.id, site.id));
    return { ok: true };
  } catch (err) {
    return { ok: false, error: `WordPress could not be reached at ${site.wpRestUrl}: ${(err as Error).message}` };
  }
}

export async function testConnection(env: Env, db: Db, p: Principal, site: Site) {
  if (!site.siteSecretEnc) throw new AppError('not_connected', 'This site is not connected to WordPress');
  const cloudToWp = await pingWordPress(env, db, site.id);
  const fresh = (await db.query.sites.findFirst({ where: eq(sites.id, site.id) }))!;
  const account = await db.query.accounts.findFirst({ where: eq(accounts.id, site.accountId) });
  const plan = await accountPlan(db, site.accountId);
  return {
    // A signed call from the site proves WordPress → cloud; a dashboard user's test cannot.
    wp_to_cloud: p.kind === 'site_signature',
    cloud_to_wp: cloudToWp.ok,
    ...(cloudToWp.error ? { error: cloudToWp.error } : {}),
    site: siteOut(fresh),
    account: { id: account!.id, name: account!.name },
    plan: plan ? planOut(plan) : null,
  };
}

export async function disconnect(env: Env, db: Db, p: Principal, site: Site) {
  let wordpressNotified = false;
  // Asked from the dashboard: tell WordPress first, while the secret still signs.
  if (p.kind !== 'site_signature' && site.siteSecretEnc) {
    const connected = await loadSiteSecret(env, db, site.id);
    try {
      const res = connected ? await callWordPress(connected, 'POST', 'igny8/v1/disconnect', {}) : null;
      wordpressNotified = Boolean(res?.ok);
    } catch {
      wordpressNotified = false;
    }
  }
  await db
    .update(sites)
    .set({ siteSecretEnc: null, wpOrigin: null, connectedAt: null, updatedAt: new Date().toISOString() })
    .where(eq(sites.id, site.id));
  return { connected: false as const, wordpress_notified: p.kind === 'site_signature' || wordpressNotified };
}
