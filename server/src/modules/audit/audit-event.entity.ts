import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '../../graphql/scalars/datetime.scalar';

export enum AuditAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  ARCHIVE = 'ARCHIVE',
  RESTORE = 'RESTORE',
  DELETE = 'DELETE',
  REQUEST = 'REQUEST',
}

registerEnumType(AuditAction, {
  name: 'AuditAction',
  description: 'What was done to a record.',
  valuesConfig: {
    CREATE: { description: 'The record was created.' },
    UPDATE: { description: 'Fields of the record were changed.' },
    ARCHIVE: { description: 'The record was archived (hidden from lists, kept with its history).' },
    RESTORE: { description: 'An archived record was brought back into use.' },
    DELETE: { description: 'The record was deleted.' },
    REQUEST: { description: 'An API key made a request (the entity is the key; `changes` gives its path, operation, root fields, HTTP status and error codes).' },
  },
});

@ObjectType({ description: 'One field of a record as it was before and after a change.' })
export class AuditChange {
  @Field({ description: 'The field name, as in the GraphQL type.' })
  field!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value before the change (null when created).' })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value after the change (null when deleted).' })
  after!: unknown;
}

/**
 * Who did what to which record, and when. Written in the same transaction as the change;
 * the database refuses UPDATE, DELETE and TRUNCATE on this table.
 */
@ObjectType({ description: 'An entry of the audit trail. Audit events are never changed or deleted.' })
@Entity()
@Index('ix_audit_event_entity', ['entityType', 'entityId', 'occurredAt'])
@Index('ix_audit_event_actor', ['actorId', 'occurredAt'])
@Index('ix_audit_event_occurred_at', ['occurredAt'])
export class AuditEvent {
  @Field(() => ID, { description: 'Unique identifier (a UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => DateTimeScalar, { description: 'When the change was committed.' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  occurredAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The user who made the change; null for the system itself.' })
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Field({ description: 'Email of the user who made the change, or "system".' })
  @Column({ type: 'varchar', length: 254 })
  actorEmail!: string;

  @Field({ description: 'The GraphQL type of the record, e.g. "Provider".' })
  @Column({ type: 'varchar', length: 64 })
  entityType!: string;

  @Field(() => ID, { description: 'The id of the record.' })
  @Column({ type: 'uuid' })
  entityId!: string;

  @Field(() => AuditAction, { description: 'What was done.' })
  @Column({ type: 'enum', enum: AuditAction, enumName: 'audit_action' })
  action!: AuditAction;

  @Field(() => [AuditChange], { description: 'The fields that changed, with their values before and after.' })
  @Column({ type: 'jsonb' })
  changes!: AuditChange[];

  @Field(() => String, { nullable: true, description: 'The id of the HTTP request that made the change (also in the logs).' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;
}
