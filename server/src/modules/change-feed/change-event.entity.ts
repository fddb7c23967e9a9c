import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '../../graphql/scalars/datetime.scalar';
import { AuditAction } from '../audit/audit-event.entity';

/**
 * One committed change to a record, for other services: written by the audit writer in the
 * same transaction as the change (the outbox), with the record's id and the names of the
 * fields that changed, never their values. `transactionId` is the writing transaction's
 * PostgreSQL id, which orders the feed so that no change can commit behind a reader.
 */
@ObjectType({ description: 'A committed change to a record: which record, which fields by name (never their values), by whom and when. Read the record itself for its values.' })
@Entity()
@Index('ix_change_event_position', ['transactionId', 'sequence'])
export class ChangeEvent {
  /** Before `sequence` in the table, so the position index reads back in its own column order. */
  @Column({ type: 'bigint' })
  transactionId!: string;

  @Field(() => String, { description: 'The change’s number, rising within its transaction (a text of digits: it can pass 2^53).' })
  @PrimaryGeneratedColumn({ type: 'bigint' })
  sequence!: string;

  @Field({ description: 'The GraphQL type of the record, e.g. "Placement".' })
  @Column({ type: 'varchar', length: 64 })
  type!: string;

  @Field(() => ID, { description: 'The id of the record.' })
  @Column({ type: 'uuid' })
  entityId!: string;

  @Field(() => Int, { nullable: true, description: 'The record’s version after the change (before it, for a deletion); null for records without versions.' })
  @Column({ type: 'integer', nullable: true })
  version!: number | null;

  @Field(() => AuditAction, { description: 'What was done to the record.' })
  @Column({ type: 'enum', enum: AuditAction, enumName: 'audit_action' })
  operation!: AuditAction;

  @Field(() => [String], { description: 'The names of the fields that changed, as in the GraphQL type (every field set, for a creation).' })
  @Column({ type: 'text', array: true })
  changedFields!: string[];

  @Field(() => ID, { nullable: true, description: 'The user or key that made the change; null for the system itself.' })
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the change was made (the start of its transaction).' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  occurredAt!: Date;
}
