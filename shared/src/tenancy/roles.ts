// Roles and the access matrix of SPEC §2 (seeds/02-APPLICATION-ARCHITECTURE "Access Control Matrix").
export const ROLES = ['developer', 'system_bot', 'owner', 'admin', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that a user inside an account may be given through the API. */
export const ACCOUNT_ROLES = ['owner', 'admin', 'editor', 'viewer'] as const satisfies readonly Role[];

/** Roles held by operators, never granted from inside an account. */
export const SYSTEM_ROLES = ['developer', 'system_bot'] as const satisfies readonly Role[];

const RANK: Record<Role, number> = {
  developer: 100,
  system_bot: 90,
  owner: 40,
  admin: 30,
  editor: 20,
  viewer: 10,
};

export function roleRank(role: Role): number {
  return RANK[role];
}

/** Whether `actor` may give (or change a user to) `target`: never above oneself, system roles only by a developer. */
export function canAssignRole(actor: Role, target: Role): boolean {
  if (target === 'developer' || target === 'system_bot') return actor === 'developer';
  if (!canManageUsers(actor)) return false;
  return RANK[target] <= RANK[actor];
}

export function isSystemRole(role: Role): boolean {
  return role === 'developer' || role === 'system_bot';
}

/** All sites of the account (owner, admin) or of every account (developer, system_bot). */
export function seesAllSites(role: Role): boolean {
  return role !== 'editor' && role !== 'viewer';
}

export function canManageUsers(role: Role): boolean {
  return role === 'developer' || role === 'owner' || role === 'admin';
}

export function canManageBilling(role: Role): boolean {
  return role === 'developer' || role === 'owner';
}

/** Sites, sectors and connections: the account's structure. */
export function canManageSites(role: Role): boolean {
  return role === 'developer' || role === 'system_bot' || role === 'owner' || role === 'admin';
}

/** Content data (keywords, clusters, ideas, tasks, content) on sites the role can see. */
export function canEditContent(role: Role): boolean {
  return role !== 'viewer';
}

/**
 * The allowed roles of an endpoint, by the kind of action it is. Every route names one of these;
 * the tenancy probe reads them from the OpenAPI document and checks each role against them.
 */
export const ACCESS = {
  any: ROLES,
  content_read: ROLES,
  content_write: ['developer', 'system_bot', 'owner', 'admin', 'editor'],
  sites_manage: ['developer', 'system_bot', 'owner', 'admin'],
  sites_delete: ['developer', 'owner', 'admin'],
  users_manage: ['developer', 'owner', 'admin'],
  billing_manage: ['developer', 'owner'],
  /** AI providers, prompts, author profiles, strategies; the credit ledger. */
  settings_manage: ['developer', 'owner', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type AccessRule = keyof typeof ACCESS;
