// Sign-up, sign-in and refresh-token rotation.
import { and, eq, isNull } from 'drizzle-orm';
import { slugify } from '@igny8/shared';
import type { Db } from '../db';
import { accounts, creditTransactions, refreshTokens, subscriptions, users } from '../db/schema';
import { hashPassword, randomToken, sha256, verifyPassword } from '../lib/crypto';
import { AppError, conflict } from '../lib/errors';
import { accountOut, userOut } from '../tenancy/serialize';
import { defaultPlan } from '../tenancy/plans';
import { REFRESH_TTL_SECONDS, signAccessToken } from './tokens';

type UserRow = typeof users.$inferSelect;

export async function issueSession(db: Db, jwtSecret: string, user: UserRow, familyId: string = crypto.randomUUID()) {
  const access = await signAccessToken(jwtSecret, { userId: user.id, accountId: user.accountId, role: user.role });
  const refresh = randomToken(32);
  const refreshExpiresAt = new Date(Date.now() + REFRESH_TTL_SECONDS * 1000).toISOString();
  const [row] = await db
    .insert(refreshTokens)
    .values({ userId: user.id, tokenHash: await sha256(refresh), familyId, expiresAt: refreshExpiresAt })
    .returning({ id: refreshTokens.id });
  return {
    tokens: { access: access.token, refresh, access_expires_at: access.expiresAt, refresh_expires_at: refreshExpiresAt },
    refreshId: row!.id,
  };
}

async function sessionBody(db: Db, jwtSecret: string, user: UserRow) {
  const account = await db.query.accounts.findFirst({ where: eq(accounts.id, user.accountId) });
  const { tokens } = await issueSession(db, jwtSecret, user);
  return { ...tokens, user: userOut(user), account: accountOut(account!) };
}

export async function signup(db: Db, jwtSecret: string, input: { email: string; password: string; account_name: string }) {
  const existing = await db.query.users.findFirst({ where: eq(users.email, input.email) });
  if (existing) throw conflict('An account with this email already exists; sign in instead', { email: ['already registered'] });
  const plan = await defaultPlan(db);
  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  const periodEnd = new Date(now);
  periodEnd.setUTCMonth(periodEnd.getUTCMonth() + 1);

  const [account] = await db
    .insert(accounts)
    .values({ name: input.account_name, slug: slugify(input.account_name), status: 'trial', credits: plan.monthlyCredits })
    .returning();
  // Owner, subscription and the opening credit grant land together; if they cannot, the account goes too.
  const created = await db.batch([
    db.insert(users).values({ accountId: account!.id, email: input.email, role: 'owner', status: 'active', passwordHash }).returning(),
    db.insert(subscriptions).values({
      accountId: account!.id,
      planId: plan.id,
      status: 'active',
      currentPeriodStart: now.toISOString(),
      currentPeriodEnd: periodEnd.toISOString(),
    }),
    db.insert(creditTransactions).values({
      accountId: account!.id,
      type: 'grant',
      amount: plan.monthlyCredits,
      balanceAfter: plan.monthlyCredits,
      // The month's grant: the monthly cron then skips this account until next month.
      reference: `grant:${now.toISOString().slice(0, 7)}`,
      description: `Starting credits of the ${plan.name} plan`,
    }),
  ]).catch(async (err: unknown) => {
    await db.delete(accounts).where(eq(accounts.id, account!.id));
    if (String(err).includes('UNIQUE')) throw conflict('An account with this email already exists; sign in instead', { email: ['already registered'] });
    throw err;
  });
  return sessionBody(db, jwtSecret, created[0][0]!);
}

export async function login(db: Db, jwtSecret: string, input: { email: string; password: string }) {
  const user = await db.query.users.findFirst({ where: eq(users.email, input.email) });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? null);
  if (!user || !valid) throw new AppError('unauthenticated', 'Email or password is wrong');
  if (user.status !== 'active') throw new AppError('unauthenticated', 'This user is not active');
  await db.update(users).set({ lastLoginAt: new Date().toISOString() }).where(eq(users.id, user.id));
  return sessionBody(db, jwtSecret, user);
}

/** Rotation: each refresh token works once; presenting a used one revokes its whole family (theft). */
export async function refresh(db: Db, jwtSecret: string, token: string) {
  const hash = await sha256(token);
  const row = await db.query.refreshTokens.findFirst({ where: eq(refreshTokens.tokenHash, hash) });
  if (!row) throw new AppError('unauthenticated', 'The refresh token is not valid');
  const now = new Date().toISOString();
  if (row.revokedAt) {
    await db.update(refreshTokens).set({ revokedAt: now }).where(and(eq(refreshTokens.familyId, row.familyId), isNull(refreshTokens.revokedAt)));
    throw new AppError('unauthenticated', 'The refresh token was already used; sign in again');
  }
  if (row.expiresAt < now) throw new AppError('token_expired', 'The refresh token has expired; sign in again');
  const user = await db.query.users.findFirst({ where: eq(users.id, row.userId) });
  if (!user || user.status !== 'active') throw new AppError('unauthenticated', 'This user is not active');
  // Claim the token first: of two concurrent refreshes only one wins.
  const claimed = await db
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(and(eq(refreshTokens.id, row.id), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  if (claimed.length === 0) throw new AppError('unauthenticated', 'The refresh token was already used; sign in again');
  const { tokens, refreshId } = await issueSession(db, jwtSecret, user, row.familyId);
  await db.update(refreshTokens).set({ replacedBy: refreshId }).where(eq(refreshTokens.id, row.id));
  return tokens;
}

export async function logout(db: Db, userId: number, token?: string) {
  const now = new Date().toISOString();
  if (token) {
    const row = await db.query.refreshTokens.findFirst({ where: eq(refreshTokens.tokenHash, await sha256(token)) });
    if (row && row.userId === userId) {
      await db.update(refreshTokens).set({ revokedAt: now }).where(and(eq(refreshTokens.familyId, row.familyId), isNull(refreshTokens.revokedAt)));
    }
    return;
  }
  // Without a token: sign out everywhere.
  await db.update(refreshTokens).set({ revokedAt: now }).where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
}
