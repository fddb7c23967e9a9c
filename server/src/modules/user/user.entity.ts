import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { NATURAL_SORT } from '../../database/collation';
import { VersionedEntity } from '../../common/versioned.entity';
import { DateTimeScalar } from '../../graphql/scalars/datetime.scalar';
import { Role } from './role';

@ObjectType({ description: 'A person (or another system) who signs in to Placewise.' })
@Entity({ name: 'user_account' })
@Index('uq_user_account_email', ['email'], { unique: true })
export class User extends VersionedEntity {
  @Field({ description: 'Sign-in email, stored in lower case.' })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Field({ description: 'Name shown in the admin and the audit trail.' })
  @Column({ type: 'varchar', length: 200, collation: NATURAL_SORT })
  displayName!: string;

  @Field(() => Role, { description: 'What the user may do.' })
  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role!: Role;

  @Field({ description: 'False when the user may no longer sign in.' })
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the user last signed in.' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  lastLoginAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the password was last changed by the user or reset by an administrator; null if never since the account was created.' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  passwordChangedAt!: Date | null;

  /** scrypt hash: never leaves the server. */
  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash!: string;
}
