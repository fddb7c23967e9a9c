import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '../../graphql/scalars/datetime.scalar';
import { ApiKeyScope } from './api-key-scope';
import { Role } from './role';

export enum ApiKeyStatus {
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

registerEnumType(ApiKeyStatus, {
  name: 'ApiKeyStatus',
  description: 'Whether an API key works.',
  valuesConfig: {
    ACTIVE: { description: 'It works until its expiry.' },
    EXPIRED: { description: 'Its expiry has passed: refused, until rotated with a new expiry.' },
    REVOKED: { description: 'Revoked: refused for good.' },
  },
});

/**
 * A credential for another system (a case-management system, a finance ledger, a regional
 * portal). Only a SHA-256 of its secret is kept: the secret is shown once, when created or rotated.
 */
@ObjectType({ description: 'An API key another system uses instead of signing in. Its secret is shown only once, when created or rotated.' })
@Entity()
@Index('ix_api_key_created_by', ['createdById'])
export class ApiKey {
  @Field(() => ID, { description: 'Unique identifier (a UUID); also the first part of the key.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'What the key is for, e.g. "Finance ledger nightly export".' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field(() => Role, { description: 'The role the key acts with: SERVICE (its scopes decide) or ANALYST (an analyst’s reads, narrowed by its scopes).' })
  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role!: Role;

  @Field(() => [ApiKeyScope], { description: 'What the key may read or change, per domain; a WRITE scope reads too.' })
  @Column({ type: 'enum', enum: ApiKeyScope, enumName: 'api_key_scope', array: true })
  scopes!: ApiKeyScope[];

  /** SHA-256 of the secret, hex: never leaves the server. */
  @Column({ type: 'varchar', length: 64, select: false })
  secretHash!: string;

  @Field(() => ID, { description: 'The administrator who created it.' })
  @Column({ type: 'uuid' })
  createdById!: string;

  @Field(() => DateTimeScalar, { description: 'When it was created.' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When it stops working.' })
  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When its secret was last replaced; null if never.' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  rotatedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was last used, to the minute; null if never.' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it stopped working; null while it works.' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  revokedAt!: Date | null;

  @Field(() => ApiKeyStatus, { description: 'Whether it works now.' })
  get status(): ApiKeyStatus {
    if (this.revokedAt) return ApiKeyStatus.REVOKED;
    return this.expiresAt.getTime() <= Date.now() ? ApiKeyStatus.EXPIRED : ApiKeyStatus.ACTIVE;
  }
}
