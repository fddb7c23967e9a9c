import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeScalar } from '../../graphql/scalars/datetime.scalar';

/** An operation a service registered for its API key, by the SHA-256 of its exact text. */
@ObjectType({ description: 'An operation registered for an API key (a trusted document), found by the SHA-256 of its text.' })
@Entity()
@Index('ix_trusted_document_sha256', ['sha256'])
export class TrustedDocument {
  @Field(() => ID, { description: 'The API key the document is registered for.' })
  @PrimaryColumn({ type: 'uuid' })
  keyId!: string;

  @Field({ description: 'SHA-256 of the document text, 64 lowercase hex digits: what Apollo clients send as `persistedQuery.sha256Hash`.' })
  @PrimaryColumn({ type: 'char', length: 64 })
  sha256!: string;

  /** The text itself: served for hash-only requests. */
  @Column({ type: 'text' })
  document!: string;

  @Field(() => String, { nullable: true, description: 'The name of its (first) operation, when it has one.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  operationName!: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was registered.' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  registeredAt!: Date;
}

/** An API key that accepts only its registered documents (a row here is the setting; none: any document). */
@Entity()
export class TrustedDocumentsOnlyKey {
  @PrimaryColumn({ type: 'uuid' })
  keyId!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  since!: Date;
}
