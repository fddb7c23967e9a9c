import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index } from 'typeorm';
import { ForeignKey } from '../../common/foreign-key';
import { penceColumn, type Pence } from '../../common/money';
import { VersionedEntity } from '../../common/versioned.entity';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { DateTimeScalar } from '../../graphql/scalars/datetime.scalar';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import { ContactSession } from '../contact/contact.entity';
import { Placement } from '../placement/placement.entity';
import { TransportJourney } from '../transport/journey.entity';
import { Provider } from '../provider/provider.entity';
import { InvoiceLineResolution, InvoiceLineStatus, InvoiceStatus } from './invoice-codes';

// simpleResolvers: graphql-js reads these fields straight off the record (no resolver call per field): an export writes millions of them. No field here may need @Authorized (see schema.spec.ts).
@ObjectType({ simpleResolvers: true, description: 'A provider’s invoice, usually monthly in arrears, with its lines.' })
@Entity()
@Index('uq_invoice_provider_reference', ['providerId', 'reference'], { unique: true })
@Index('ix_invoice_status', ['status'])
export class Invoice extends VersionedEntity {
  @ForeignKey(() => Provider, { description: 'The provider that sent it.' })
  providerId!: string;

  @Field({ description: 'The provider’s invoice number; unique per provider.' })
  @Column({ type: 'varchar', length: 60 })
  reference!: string;

  @Field(() => DateScalar, { description: 'First day invoiced.' })
  @Column({ type: 'date' })
  periodStart!: string;

  @Field(() => DateScalar, { description: 'Last day invoiced.' })
  @Column({ type: 'date' })
  periodEnd!: string;

  @Field(() => DateScalar, { description: 'When it was received.' })
  @Column({ type: 'date' })
  receivedDate!: string;

  @Field(() => InvoiceStatus, { description: 'Where it is.' })
  @Column({ type: 'enum', enum: InvoiceStatus, enumName: 'invoice_status', default: InvoiceStatus.RECEIVED })
  status!: InvoiceStatus;

  @Field(() => String, { nullable: true, description: 'Why a disputed invoice was approved.' })
  @Column({ type: 'text', nullable: true })
  approvalReason!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it was paid.' })
  @Column({ type: 'date', nullable: true })
  paidDate!: string | null;
}

// simpleResolvers as for Invoice: the field resolvers (difference, invoice, placement…) still run with their role checks.
@ObjectType({ simpleResolvers: true, description: 'A line of an invoice: nights of a placement, a transport journey, a contact session, or another item (damages, extras).' })
@Entity()
@Index('uq_invoice_line_number', ['invoiceId', 'lineNumber'], { unique: true })
@Index('ix_invoice_line_placement_id', ['placementId', 'fromDate'])
@Index('ix_invoice_line_journey_id', ['journeyId'])
@Index('ix_invoice_line_session_id', ['sessionId'])
@Index('ix_invoice_line_from_date', ['fromDate'])
@Check('ck_invoice_line_one_target', 'num_nonnulls("placement_id", "journey_id", "session_id") <= 1')
export class InvoiceLine extends VersionedEntity {
  @ForeignKey(() => Invoice, { description: 'The invoice.' })
  invoiceId!: string;

  @Field(() => Int, { description: 'Position on the invoice, from 1.' })
  @Column({ type: 'integer' })
  lineNumber!: number;

  @ForeignKey(() => Placement, { nullable: true, description: 'The placement the nights are for.' })
  placementId!: string | null;

  @ForeignKey(() => TransportJourney, { nullable: true, description: 'The transport journey charged.' })
  journeyId!: string | null;

  @ForeignKey(() => ContactSession, { nullable: true, description: 'The contact session charged.' })
  sessionId!: string | null;

  @Field({ description: 'What the line is for.' })
  @Column({ type: 'varchar', length: 300 })
  description!: string;

  @Field(() => DateScalar, { nullable: true, description: 'First night invoiced.' })
  @Column({ type: 'date', nullable: true })
  fromDate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day after the last night invoiced.' })
  @Column({ type: 'date', nullable: true })
  toDate!: string | null;

  @Field(() => Int, { nullable: true, description: 'Nights invoiced (toDate − fromDate).' })
  @Column({ type: 'integer', nullable: true })
  nights!: number | null;

  @Field(() => MoneyScalar, { description: 'The amount invoiced.' })
  @Column({ type: 'bigint', transformer: penceColumn })
  amount!: Pence;

  @Field(() => MoneyScalar, { nullable: true, description: 'What the fee history gives for those nights, or the journey’s or session’s cost; null for lines with nothing to match.' })
  @Column({ type: 'bigint', nullable: true, transformer: penceColumn })
  expectedAmount!: Pence | null;

  @Field(() => InvoiceLineStatus, { description: 'Where the line is.' })
  @Column({ type: 'enum', enum: InvoiceLineStatus, enumName: 'invoice_line_status' })
  status!: InvoiceLineStatus;

  @Field(() => String, { nullable: true, description: 'Why an officer disputed the line by hand (disputeInvoiceLine); null when it was disputed by matching or never disputed.' })
  @Column({ type: 'text', nullable: true })
  disputeReason!: string | null;

  @Field(() => String, { nullable: true, description: 'Email of the person who disputed the line by hand.' })
  @Column({ type: 'varchar', length: 254, nullable: true })
  disputedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the line was disputed by hand.' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  disputedAt!: Date | null;

  @Field(() => InvoiceLineResolution, { nullable: true, description: 'How the dispute was settled (resolveInvoiceLine); null unless the line is or was RESOLVED and not disputed again since.' })
  @Column({ type: 'enum', enum: InvoiceLineResolution, enumName: 'invoice_line_resolution', nullable: true })
  resolution!: InvoiceLineResolution | null;

  @Field(() => String, { nullable: true, description: 'Why the dispute was settled that way.' })
  @Column({ type: 'text', nullable: true })
  resolutionReason!: string | null;

  @Field(() => String, { nullable: true, description: 'Email of the person who resolved the dispute.' })
  @Column({ type: 'varchar', length: 254, nullable: true })
  resolvedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the dispute was resolved.' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  resolvedAt!: Date | null;
}
