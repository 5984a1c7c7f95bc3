import { AppError } from '../../../lib/errors';
import type { Permission, Role } from './permissions';

/**
 * Who acts on an organization's users, as it stands inside the transaction: a user's session
 * (its role read again under the organization's user-management lock), an API key, or the
 * instance operator at the command line. Keys act with admin rights at most: they are no owner.
 */
export type UserActor =
  | { kind: 'session'; userId: string; role: Role }
  | { kind: 'api_key' }
  | { kind: 'operator' };

const actsAsOwner = (actor: UserActor) =>
  actor.kind === 'operator' || (actor.kind === 'session' && actor.role === 'owner');

/** What a role is granted: the matrix of the modules' manifests. */
export type GrantsOfRole = (role: Role) => ReadonlySet<Permission>;

/** Whether moving from `from` to `to` gains anything: the owner role, or a permission `from` lacks. */
export function raisesRole(from: Role, to: Role, grantsOf: GrantsOfRole): boolean {
  if (to === 'owner') return from !== 'owner';
  const had = grantsOf(from);
  return [...grantsOf(to)].some((p) => !had.has(p));
}

/** Only an owner adds an owner. */
export function assertMayAddUser(actor: UserActor, role: Role) {
  if (role === 'owner' && !actsAsOwner(actor)) {
    throw new AppError('forbidden', 'role: only an owner can add an owner');
  }
}

export type UserStanding = { id: string; role: Role; disabled: boolean };

/**
 * The rules of a change of role or standing (disabled or not), beyond the users:manage
 * permission: only an owner grants or revokes the owner role, or disables or enables an owner;
 * nobody raises their own role; the last active owner is neither demoted nor disabled.
 * `otherActiveOwners` counts the organization's active owners other than `target`.
 */
export function assertMayChangeUser(
  actor: UserActor,
  target: UserStanding,
  change: { role?: Role; disabled?: boolean },
  otherActiveOwners: number,
  grantsOf: GrantsOfRole,
) {
  const role = change.role ?? target.role;
  const disabled = change.disabled ?? target.disabled;
  if (role === target.role && disabled === target.disabled) return;
  if (!actsAsOwner(actor)) {
    if (target.role === 'owner') {
      throw new AppError(
        'forbidden',
        role === target.role
          ? 'disabled: only an owner can disable or enable an owner'
          : "role: only an owner can change an owner's role",
      );
    }
    if (role === 'owner') throw new AppError('forbidden', 'role: only an owner can grant the owner role');
  }
  if (actor.kind === 'session' && actor.userId === target.id && raisesRole(target.role, role, grantsOf)) {
    throw new AppError('forbidden', 'role: nobody can raise their own role');
  }
  const staysActiveOwner = role === 'owner' && !disabled;
  if (target.role === 'owner' && !target.disabled && !staysActiveOwner && otherActiveOwners === 0) {
    throw new AppError(
      'conflict',
      role === 'owner'
        ? 'disabled: the last owner cannot be disabled'
        : 'role: the last owner cannot be demoted',
    );
  }
}
