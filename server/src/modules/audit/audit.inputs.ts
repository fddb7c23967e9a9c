import { Field, InputType } from 'type-graphql';
import { enumFilter } from '../../common/filters/enum-filters';
import { DateTimeFilter, FilterOn, IdFilter, StringFilter } from '../../common/filters/scalar-filters';
import { orderByInput } from '../../common/pagination/ordering';
import { AuditAction } from './audit-event.entity';

const AuditActionFilter = enumFilter(AuditAction, 'AuditAction');

@InputType({ description: 'Which audit events to list.' })
export class AuditEventFilter {
  @Field(() => [AuditEventFilter], { nullable: true, description: 'All of these hold.' }) and?: AuditEventFilter[];
  @Field(() => [AuditEventFilter], { nullable: true, description: 'At least one of these holds.' }) or?: AuditEventFilter[];
  @Field(() => AuditEventFilter, { nullable: true, description: 'This does not hold.' }) not?: AuditEventFilter;
  @FilterOn(() => StringFilter, 'the type of record, e.g. "Provider"') entityType?: StringFilter;
  @FilterOn(() => IdFilter, 'the id of the record') entityId?: IdFilter;
  @FilterOn(() => IdFilter, 'the user who made the change') actorId?: IdFilter;
  @FilterOn(() => StringFilter, 'the email of the user who made the change') actorEmail?: StringFilter;
  @FilterOn(() => AuditActionFilter, 'what was done') action?: object;
  @FilterOn(() => DateTimeFilter, 'when it happened') occurredAt?: DateTimeFilter;
}

export enum AuditEventOrderField {
  occurredAt = 'occurredAt',
  entityType = 'entityType',
  actorEmail = 'actorEmail',
}
export const AuditEventOrderBy = orderByInput(AuditEventOrderField, 'AuditEvent');
