import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A request sent with an `Idempotency-Key` header: who sent it, a hash of what was sent, and
 * the answer once given, so that a retry gets the first answer instead of a second write.
 * `committed` is set inside the write's own transaction, so after a crash a key whose write
 * never committed can be run again, and one whose write did is never run twice.
 */
@Entity()
@Index('ix_idempotency_key_created_at', ['createdAt'])
export class IdempotencyKey {
  /** The signed-in user or API key: a key is scoped to its sender. */
  @PrimaryColumn({ type: 'uuid' }) actorId!: string;
  @PrimaryColumn({ type: 'varchar', length: 255 }) key!: string;
  /** SHA-256 (hex) of the query, operation name and variables. */
  @Column({ type: 'char', length: 64 }) requestHash!: string;
  /** Who is running the request now: a retry that takes an abandoned claim over changes it, and the first run then cannot commit. */
  @Column({ type: 'uuid' }) claimToken!: string;
  @Column({ type: 'timestamptz' }) claimedAt!: Date;
  @Column({ type: 'boolean', default: false }) committed!: boolean;
  /** The GraphQL result (data and errors) given to the first request. */
  @Column({ type: 'jsonb', nullable: true }) response!: Record<string, unknown> | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
