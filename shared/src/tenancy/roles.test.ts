import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCESS, canAssignRole, roleRank, ROLES, type Role } from './roles';

const role = fc.constantFrom<Role>(...ROLES);

describe('role assignment', () => {
  it('never lets anyone give a role above their own', () => {
    fc.assert(fc.property(role, role, (actor, target) => !canAssignRole(actor, target) || roleRank(target) <= roleRank(actor) || actor === 'developer'));
  });

  it('gives developer and system_bot only through a developer', () => {
    fc.assert(fc.property(role, (actor) => canAssignRole(actor, 'developer') === (actor === 'developer') && canAssignRole(actor, 'system_bot') === (actor === 'developer')));
  });

  it('lets only developers, owners and admins manage users', () => {
    expect(ROLES.filter((r) => canAssignRole(r, 'viewer'))).toEqual(['developer', 'owner', 'admin']);
  });
});

describe('access matrix', () => {
  it('matches the seeds: users by developer/owner/admin, billing by developer/owner, viewers read only', () => {
    expect(ACCESS.users_manage).toEqual(['developer', 'owner', 'admin']);
    expect(ACCESS.billing_manage).toEqual(['developer', 'owner']);
    expect(ACCESS.content_write).not.toContain('viewer');
    expect(ACCESS.content_read).toEqual(ROLES);
    expect(ACCESS.sites_manage).not.toContain('editor');
  });
});
