import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, freshIp, PASSWORD, signup, uniqueEmail } from '../../test/helpers';

describe('sign-up', () => {
  it('creates the account, its owner, the default plan and the starting credits', async () => {
    const email = uniqueEmail();
    const res = await api('POST', '/auth/signup', { body: { email, password: PASSWORD, account_name: 'Northwind' }, ip: freshIp() });
    expect(res.status).toBe(201);
    expect(res.json.success).toBe(true);
    expect(res.json.data.user).toMatchObject({ email, role: 'owner', status: 'active' });
    expect(res.json.data.account).toMatchObject({ name: 'Northwind', credits: 100 });
    const me = await api('GET', '/auth/me', { token: res.json.data.access });
    expect(me.json.data.plan).toMatchObject({ slug: 'free', monthly_credits: 100 });
    const ledger = await env.DB.prepare('SELECT type, amount, balance_after FROM credit_transactions WHERE account_id = ?').bind(res.json.data.account.id).all();
    expect(ledger.results).toEqual([{ type: 'grant', amount: 100, balance_after: 100 }]);
  });

  it('stores only a PBKDF2 hash of the password and never returns it', async () => {
    const { email, user } = await signup();
    const row = await env.DB.prepare('SELECT password_hash FROM users WHERE email = ?').bind(email).first<{ password_hash: string }>();
    expect(row!.password_hash).toMatch(/^pbkdf2_sha256\$100000\$/);
    expect(row!.password_hash).not.toContain(PASSWORD);
    expect(JSON.stringify(user)).not.toMatch(/password|hash/);
  });

  it('refuses a second account with the same email (409) and writes nothing', async () => {
    const { email } = await signup();
    const before = await env.DB.prepare('SELECT count(*) AS n FROM accounts').first<{ n: number }>();
    const res = await api('POST', '/auth/signup', { body: { email, password: PASSWORD, account_name: 'Again' }, ip: freshIp() });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ success: false, code: 'conflict', errors: { email: ['already registered'] } });
    const after = await env.DB.prepare('SELECT count(*) AS n FROM accounts').first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
  });

  it('rejects weak passwords, bad emails and unknown fields with field errors', async () => {
    const res = await api('POST', '/auth/signup', { body: { email: 'not-an-email', password: 'short', account_name: '', plan: 'agency' }, ip: freshIp() });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('validation');
    expect(Object.keys(res.json.errors).sort()).toEqual(['account_name', 'email', 'password', 'plan']);
    expect(res.json.errors.plan).toEqual(['unknown field']);
  });
});

describe('login and tokens', () => {
  it('signs in with the right password and rejects the wrong one without saying which part was wrong', async () => {
    const { email } = await signup();
    const good = await api('POST', '/auth/login', { body: { email, password: PASSWORD }, ip: freshIp() });
    expect(good.status).toBe(200);
    expect(good.json.data.access.split('.')).toHaveLength(3);
    const bad = await api('POST', '/auth/login', { body: { email, password: 'wrong-password-1' }, ip: freshIp() });
    const unknown = await api('POST', '/auth/login', { body: { email: uniqueEmail(), password: 'wrong-password-1' }, ip: freshIp() });
    expect(bad.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(bad.json.error).toBe(unknown.json.error);
  });

  it('issues a 15-minute access token and a 7-day refresh token', async () => {
    const { token, refresh } = await signup();
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')));
    expect(payload.exp - payload.iat).toBe(15 * 60);
    const row = await env.DB.prepare('SELECT expires_at, created_at FROM refresh_tokens ORDER BY id DESC LIMIT 1').first<{ expires_at: string }>();
    const days = (Date.parse(row!.expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.01);
    expect(refresh.length).toBeGreaterThan(30);
  });

  it('rotates refresh tokens: the old one stops working and reusing it revokes the family', async () => {
    const { refresh } = await signup();
    const first = await api('POST', '/auth/refresh', { body: { refresh }, ip: freshIp() });
    expect(first.status).toBe(200);
    const next = first.json.data.refresh;
    expect(next).not.toBe(refresh);
    const replay = await api('POST', '/auth/refresh', { body: { refresh }, ip: freshIp() });
    expect(replay.status).toBe(401);
    // The theft signal also kills the token issued after it.
    const afterTheft = await api('POST', '/auth/refresh', { body: { refresh: next }, ip: freshIp() });
    expect(afterTheft.status).toBe(401);
  });

  it('logout revokes the refresh token', async () => {
    const { token, refresh } = await signup();
    const out = await api('POST', '/auth/logout', { token, body: { refresh } });
    expect(out.status).toBe(200);
    const res = await api('POST', '/auth/refresh', { body: { refresh }, ip: freshIp() });
    expect(res.status).toBe(401);
  });

  it('rejects tampered, foreign and expired tokens with 401 in the envelope', async () => {
    const { token } = await signup();
    const [h, p, s] = token.split('.');
    const tampered = `${h}.${p}.${s!.slice(0, -4)}AAAA`;
    for (const bad of [tampered, 'garbage', `${h}.${btoa('{"sub":"1"}')}.x`]) {
      const res = await api('GET', '/auth/me', { token: bad });
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ success: false, code: 'unauthenticated' });
    }
    const none = await api('GET', '/auth/me');
    expect(none.status).toBe(401);
    const { SignJWT } = await import('jose');
    const expired = await new SignJWT({ acc: 1, role: 'owner', typ: 'access' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('1')
      .setIssuer('igny8-cloud')
      .setAudience('igny8-api')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 1800)
      .sign(new TextEncoder().encode(env.JWT_SECRET));
    const res = await api('GET', '/auth/me', { token: expired });
    expect(res.status).toBe(401);
    expect(res.json.code).toBe('token_expired');
  });

  it('limits sign-in attempts per address (429 with Retry-After)', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await api('POST', '/auth/login', { body: { email: 'nobody@example.test', password: 'x' }, ip });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers.get('retry-after')).toBe('60');
        expect(res.json.code).toBe('rate_limited');
        break;
      }
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(10);
  });
});
