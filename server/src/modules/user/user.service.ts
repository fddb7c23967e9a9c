import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Config } from '../../config/config';
import { explainConstraint } from '../../common/constraints';
import { badInput, Unauthenticated } from '../../common/errors';
import type { Logger } from '../../common/logger';
import { entityReads } from '../../common/entity-reads';
import { listSpec } from '../../common/list-columns';
import { SortDirection } from '../../common/pagination/ordering';
import { inTransaction } from '../../common/transaction';
import { applyUpdate, insertAudited, lockForUpdate } from '../../common/versioned-update';
import type { GraphQLContext } from '../../graphql/context';
import { AuditWriter, SYSTEM_ACTOR } from '../audit/audit.service';
import { hashPassword, randomPassword, verifyAgainstNothing, verifyPassword } from './password';
import { passwordProblem } from './password-rules';
import { openSession, revokeSessions } from './session.service';
import { Role } from './role';
import { SystemSecret } from './system-secret.entity';
import { User } from './user.entity';
import type { Session, UserCreateInput, UserUpdateInput } from './user.inputs';

explainConstraint('uq_user_account_email', 'email', 'another user already has this email');

const userList = listSpec<User>({
  entity: User,
  alias: 'user',
  columns: {
    id: { kind: 'id', filter: 'the id' },
    email: { kind: 'string', filter: 'the email', sort: true, search: true },
    displayName: { kind: 'string', filter: 'the display name', sort: true, search: true },
    role: { kind: 'enum', filter: 'the role', sort: true },
    active: { kind: 'boolean', filter: 'whether the account is active' },
    createdAt: { kind: 'datetime', sort: true },
  },
  defaultOrder: [{ field: 'email', direction: SortDirection.ASC }],
});

export const userService = {
  async login(ctx: GraphQLContext, email: string, password: string): Promise<Session> {
    const key = email.trim().toLowerCase();
    ctx.users.throttle.check(key, ctx.clientIp);
    const user = await ctx.db.manager.createQueryBuilder(User, 'user').addSelect('user.passwordHash').where('user.email = :email', { email: key }).getOne();
    const ok = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstNothing(password);
    if (!user || !ok || !user.active) {
      ctx.users.throttle.fail(key, ctx.clientIp);
      throw new Unauthenticated('Wrong email or password, or the account is not active');
    }
    ctx.users.throttle.succeed(key);
    return ctx.db.transaction(async (tx) => {
      // Signing in is not an edit: no new version, so nobody's open form goes stale.
      await tx.query('UPDATE "user_account" SET "last_login_at" = now() WHERE "id" = $1', [user.id]);
      return openSession(tx, ctx, user);
    });
  },

  /** The signed-in person's own new password: every session of theirs ends, and a new one is returned. */
  async changePassword(ctx: GraphQLContext, currentPassword: string, newPassword: string): Promise<Session> {
    const me = ctx.user!;
    ctx.users.throttle.check(me.email);
    const user = await ctx.db.manager.createQueryBuilder(User, 'user').addSelect('user.passwordHash').where('user.id = :id', { id: me.id }).getOneOrFail();
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      ctx.users.throttle.fail(me.email);
      throw badInput('currentPassword', 'is not your current password');
    }
    const problem = newPassword === currentPassword ? 'must differ from the current password' : passwordProblem(newPassword);
    if (problem) throw badInput('newPassword', problem);
    const passwordHash = await hashPassword(newPassword);
    const session = await inTransaction(ctx, async (tx, audit) => {
      const row = await lockForUpdate(tx, User, 'User', me.id);
      const saved = await applyUpdate(tx, audit, 'User', row, { passwordHash, passwordChangedAt: new Date() });
      await revokeSessions(tx, me.id, 'PASSWORD_CHANGED');
      return openSession(tx, ctx, saved);
    });
    ctx.users.forget(me.id);
    return session;
  },

  ...entityReads(userList),

  async create(ctx: GraphQLContext, input: UserCreateInput) {
    const passwordHash = await hashPassword(input.password);
    return inTransaction(ctx, (tx, audit) =>
      insertAudited(tx, audit, 'User', User, {
        email: input.email.trim().toLowerCase(),
        displayName: input.displayName.trim(),
        role: input.role,
        active: true,
        passwordHash,
      }),
    );
  },

  async update(ctx: GraphQLContext, id: string, version: number, input: UserUpdateInput) {
    const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
    const saved = await inTransaction(ctx, async (tx, audit) => {
      const row = await lockForUpdate(tx, User, 'User', id, version);
      const deactivated = row.active && input.active === false;
      const saved = await applyUpdate(tx, audit, 'User', row, {
        displayName: input.displayName?.trim(),
        role: input.role,
        active: input.active,
        passwordHash,
        passwordChangedAt: passwordHash ? new Date() : undefined,
      });
      // A reset password or a deactivated account ends every session: tokens held elsewhere stop at once.
      if (passwordHash || deactivated) await revokeSessions(tx, id, deactivated ? 'DEACTIVATED' : 'PASSWORD_RESET');
      return saved;
    });
    ctx.users.forget(id);
    return saved;
  },
};

/** The key that signs session tokens: SESSION_SECRET, or one generated once and kept in the database. */
export async function sessionSecret(db: DataSource, config: Config): Promise<string> {
  if (config.sessionSecret) return config.sessionSecret;
  await db
    .createQueryBuilder()
    .insert()
    .into(SystemSecret)
    .values({ name: 'session', value: randomBytes(48).toString('base64url') })
    .orIgnore()
    .execute();
  const row = await db.manager.findOneByOrFail(SystemSecret, { name: 'session' });
  return row.value;
}

/**
 * On the first start of an empty database, creates the first administrator: from ADMIN_EMAIL
 * and ADMIN_PASSWORD when set, otherwise with a random password written once to the log.
 */
export async function ensureFirstAdmin(db: DataSource, config: Config, logger: Logger): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('LOCK TABLE "user_account" IN EXCLUSIVE MODE');
    if ((await tx.count(User)) > 0) return;
    const email = config.adminEmail ?? 'admin@placewise.local';
    const password = config.adminPassword ?? randomPassword();
    const audit = new AuditWriter(tx, SYSTEM_ACTOR, null);
    await insertAudited(tx, audit, 'User', User, {
      email,
      displayName: 'Administrator',
      role: Role.ADMIN,
      active: true,
      passwordHash: await hashPassword(password),
    });
    if (config.adminPassword) {
      logger.info({ email }, 'created the first administrator from ADMIN_EMAIL and ADMIN_PASSWORD');
    } else {
      logger.warn({ email, initialPassword: password }, 'created the first administrator with this one-time password: sign in and change it (it is not shown again)');
    }
  });
}
