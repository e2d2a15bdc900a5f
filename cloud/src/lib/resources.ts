// Path resources: each kind is loaded scoped to the caller, so another account's ids answer 404.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { sectors, sites, users } from '../db/schema';
import { notFound } from './errors';
import { canSeeSite, ownsAccountRow, type Principal } from './principal';

export type Site = typeof sites.$inferSelect;
export type Sector = typeof sectors.$inferSelect;
export type User = typeof users.$inferSelect;

const loaders = {
  async site(db: Db, p: Principal, id: number): Promise<Site | null> {
    const row = await db.query.sites.findFirst({ where: eq(sites.id, id) });
    return row && canSeeSite(p, row) ? row : null;
  },
  async sector(db: Db, p: Principal, id: number): Promise<Sector | null> {
    const row = await db.query.sectors.findFirst({ where: eq(sectors.id, id) });
    return row && canSeeSite(p, { id: row.siteId, accountId: row.accountId }) ? row : null;
  },
  async user(db: Db, p: Principal, id: number): Promise<User | null> {
    const row = await db.query.users.findFirst({ where: and(eq(users.id, id)) });
    if (!row || !ownsAccountRow(p, row)) return null;
    // Operators are invisible to accounts.
    if (!p.allAccounts && (row.role === 'developer' || row.role === 'system_bot')) return null;
    return row;
  },
} as const;

export type ResourceKind = keyof typeof loaders;
export const RESOURCE_KINDS = Object.keys(loaders) as ResourceKind[];

export async function loadResource(db: Db, p: Principal, kind: ResourceKind, raw: string) {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound();
  const row = await loaders[kind](db, p, id);
  if (!row) throw notFound();
  return row;
}
