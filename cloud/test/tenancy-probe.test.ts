// The tenancy probe: reads the OpenAPI document and, for EVERY route (later issues' routes included),
// checks that each role gets exactly what the route's access rule allows, that another account's
// callers get 404 for this account's objects, and that lists never show another account's data.
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCESS, ROLES, signRequest, type Role } from '@igny8/shared';
import { api } from './helpers';
import { insertAccount, insertSite, insertUser, signedInUser, wordpressToken, type SiteFixture } from './world';

interface AccessDoc {
  rule: string;
  roles: string[];
  wordpress: boolean;
  signed: boolean;
  params: Record<string, string>;
}
interface Operation {
  method: string;
  path: string;
  access: AccessDoc;
}

const MARKER = 'ZZALPHAMARKER';
const HIDDEN = 'ZZHIDDENMARKER';
type Caller = { role: Role; token: string; id: number };

let operations: Operation[] = [];
let accountA: number;
let accountB: number;
const a: Record<string, Caller> = {};
const b: Record<string, Caller> = {};
let siteA: SiteFixture;
let hiddenSiteA: SiteFixture;
let siteB: SiteFixture;

/** Objects of account A for a route's path parameters. Non-GET calls get fresh objects: they may delete or disconnect. */
async function objectsOfA(op: Operation, site: SiteFixture = siteA): Promise<Record<string, number>> {
  const fresh = op.method !== 'get';
  const useSite = fresh && site === siteA ? await insertSite(accountA, `${MARKER} fresh`, [a.editor!.id, a.viewer!.id]) : site;
  const out: Record<string, number> = {};
  for (const [param, kind] of Object.entries(op.access.params)) {
    if (kind === 'site') out[param] = useSite.id;
    else if (kind === 'sector') out[param] = useSite.sectorId;
    else if (kind === 'user') out[param] = (await insertUser(accountA, 'viewer')).id;
    else throw new Error(`The tenancy probe does not know the resource kind "${kind}" of ${op.method.toUpperCase()} ${op.path}: teach objectsOfA() how to make one`);
  }
  return out;
}

function fill(path: string, ids: Record<string, number>) {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => String(ids[name]));
}

const BODY_METHODS = new Set(['post', 'put', 'patch', 'delete']);

async function call(op: Operation, path: string, token?: string, headers?: Record<string, string>) {
  return api(op.method.toUpperCase(), path, { token, headers, ...(BODY_METHODS.has(op.method) ? { raw: '{}' } : {}) });
}

beforeAll(async () => {
  const doc = await api('GET', '/openapi.json');
  expect(doc.status).toBe(200);
  for (const [path, methods] of Object.entries(doc.json.paths as Record<string, Record<string, Record<string, unknown>>>)) {
    for (const [method, op] of Object.entries(methods)) {
      operations.push({ method, path: path.replace(/^\/api\/v1/, ''), access: op['x-igny8-access'] as AccessDoc });
    }
  }

  accountA = await insertAccount(`${MARKER} A`);
  accountB = await insertAccount('Beta B');
  const operators = await insertAccount('Operators');
  for (const role of ['owner', 'admin', 'editor', 'viewer'] as const) {
    a[role] = await signedInUser(accountA, role);
    b[role] = await signedInUser(accountB, role);
  }
  a.developer = await signedInUser(operators, 'developer');
  a.system_bot = await signedInUser(operators, 'system_bot');
  siteA = await insertSite(accountA, `${MARKER} site`, [a.editor!.id, a.viewer!.id]);
  hiddenSiteA = await insertSite(accountA, `${HIDDEN} site`);
  siteB = await insertSite(accountB, 'Beta site', [b.editor!.id, b.viewer!.id]);
});

describe('tenancy probe', () => {
  it('finds the routes of the API, each with an access rule the probe understands', () => {
    expect(operations.length).toBeGreaterThan(20);
    for (const op of operations) {
      expect(op.access, `${op.method} ${op.path} has no x-igny8-access`).toBeTruthy();
      expect(['public', ...Object.keys(ACCESS)], `${op.method} ${op.path}`).toContain(op.access.rule);
    }
  });

  it('asks every non-public route for authentication', async () => {
    for (const op of operations.filter((o) => o.access.rule !== 'public')) {
      const res = await call(op, fill(op.path, await objectsOfA(op)));
      expect(res.status, `${op.method} ${op.path} without a token`).toBe(401);
      expect(res.json?.success).toBe(false);
    }
  });

  it('gives each role exactly what the matrix allows', async () => {
    for (const op of operations.filter((o) => o.access.rule !== 'public')) {
      for (const role of ROLES) {
        const res = await call(op, fill(op.path, await objectsOfA(op)), a[role]!.token);
        const label = `${role} → ${op.method.toUpperCase()} ${op.path} answered ${res.status} ${res.text.slice(0, 160)}`;
        expect(res.status, label).toBeLessThan(500);
        if (op.access.roles.includes(role)) expect([401, 403, 404], label).not.toContain(res.status);
        else expect(res.status, label).toBe(403);
      }
    }
  });

  it('lets WordPress-minted tokens reach only routes open to WordPress, and only their own site', async () => {
    for (const op of operations.filter((o) => o.access.rule !== 'public')) {
      for (const role of ['admin', 'editor', 'viewer'] as const) {
        const site = op.method === 'get' ? siteA : await insertSite(accountA, `${MARKER} wp`);
        const token = await wordpressToken(site, role);
        const res = await call(op, fill(op.path, await objectsOfA(op, site)), token);
        const label = `wp ${role} → ${op.method.toUpperCase()} ${op.path} answered ${res.status} ${res.text.slice(0, 160)}`;
        expect(res.status, label).toBeLessThan(500);
        if (op.access.wordpress && op.access.roles.includes(role)) expect([401, 403, 404], label).not.toContain(res.status);
        else expect(res.status, label).toBe(403);
      }
    }
  });

  it("answers 404 to another account's callers for this account's objects", async () => {
    for (const op of operations.filter((o) => o.access.rule !== 'public' && Object.keys(o.access.params).length > 0)) {
      const path = fill(op.path, await objectsOfA(op));
      for (const role of ['owner', 'admin', 'editor', 'viewer'] as const) {
        if (!op.access.roles.includes(role)) continue;
        const res = await call(op, path, b[role]!.token);
        expect(res.status, `B ${role} → ${op.method.toUpperCase()} ${path}: ${res.text.slice(0, 160)}`).toBe(404);
        expect(res.text).not.toContain(MARKER);
      }
      if (op.access.wordpress) {
        const res = await call(op, path, await wordpressToken(siteB, 'admin'));
        expect(res.status, `B's WordPress → ${op.method.toUpperCase()} ${path}`).toBe(404);
      }
      if (op.access.signed) {
        const headers = await signRequest({ siteId: siteB.id, secret: siteB.secret, method: op.method, target: `/api/v1${path}`, body: BODY_METHODS.has(op.method) ? '{}' : '' });
        const res = await call(op, path, undefined, headers);
        expect(res.status, `B's signed site → ${op.method.toUpperCase()} ${path}`).toBe(404);
      }
    }
  });

  it("answers 404 to editors and viewers for this account's sites they were not granted", async () => {
    for (const op of operations.filter((o) => Object.values(o.access.params).some((k) => k === 'site' || k === 'sector'))) {
      const path = fill(op.path, await objectsOfA(op, hiddenSiteA));
      for (const role of ['editor', 'viewer'] as const) {
        if (!op.access.roles.includes(role)) continue;
        const res = await call(op, path, a[role]!.token);
        expect(res.status, `A ${role} → ${op.method.toUpperCase()} ${path}`).toBe(404);
      }
    }
  });

  it("never lists another account's objects, nor sites an editor was not granted", async () => {
    const lists = operations.filter((o) => o.method === 'get' && o.access.rule !== 'public' && Object.keys(o.access.params).length === 0);
    expect(lists.length).toBeGreaterThan(0);
    for (const op of lists) {
      for (const role of ['owner', 'admin', 'editor', 'viewer'] as const) {
        if (!op.access.roles.includes(role)) continue;
        const res = await call(op, op.path, b[role]!.token);
        expect(res.status, `B ${role} → GET ${op.path}`).toBe(200);
        expect(res.text, `B ${role} → GET ${op.path} shows account A`).not.toContain(MARKER);
        const own = await call(op, op.path, a[role]!.token);
        if (role === 'editor' || role === 'viewer') expect(own.text, `A ${role} → GET ${op.path} shows an ungranted site`).not.toContain(HIDDEN);
      }
      if (op.access.wordpress) {
        const res = await call(op, op.path, await wordpressToken(siteB, 'admin'));
        expect(res.text).not.toContain(MARKER);
      }
    }
  });
});
