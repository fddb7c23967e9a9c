import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '../../graphql/scalars/datetime.scalar';
import { Role } from './role';

/**
 * A credential for another system (a case-management system, a finance ledger, a regional
 * portal). Only a SHA-256 of its secret is kept: the secret is shown once, when created.
 */
@ObjectType({ description: 'An API key another system uses instead of signing in. Its secret is shown only once, when created.' })
@Entity()
@Index('ix_api_key_created_by', ['createdById'])
export class ApiKey {
  @Field(() => ID, { description: 'Unique identifier (a UUID); also the first part of the key.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'What the key is for, e.g. "Finance ledger nightly export".' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field(() => Role, { description: 'The role the key acts with: SERVICE (reads, no changes) or ANALYST.' })
  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role!: Role;

  /** SHA-256 of the secret, hex: never leaves the server. */
  @Column({ type: 'varchar', length: 64, select: false })
  secretHash!: string;

  @Field(() => ID, { description: 'The administrator who created it.' })
  @Column({ type: 'uuid' })
  createdById!: string;

  @Field(() => DateTimeScalar, { description: 'When it was created.' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it stopped working; null while it works.' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  revokedAt!: Date | null;
}
