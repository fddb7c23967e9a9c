import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ListFilter } from '../../common/list-columns';
import type { OrderTerm } from '../../common/pagination/ordering';
import { FilterArg, IdArg, OrderByArg, VersionArg } from '../../common/args';
import { Connection, PageArgs } from '../../common/pagination/connection';
import { isFieldRequested, requestedNodeFields } from '../../common/pagination/requested-fields';
import { loaderById, loaderByParent } from '../../common/loaders';
import type { GraphQLContext } from '../../graphql/context';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import { ContactSession } from '../contact/contact.entity';
import { Placement } from '../placement/placement.entity';
import { TransportJourney } from '../transport/journey.entity';
import { Role } from '../user/role';
import { InvoiceLineResolution } from './invoice-codes';
import { Invoice, InvoiceLine } from './invoice.entity';
import { invoiceLineDisputes } from './invoice-line-disputes';
import { invoiceLineList, invoiceLineReads } from './invoice-line-list';
import { INVOICE_EDITORS } from './invoice.resolver';
import { Scoped } from '../../graphql/operation-scope';

const InvoiceLineConnection = Connection(InvoiceLine, 'InvoiceLine');
const ReasonArg = (what: string) => Arg('reason', () => String, { description: `${what} (required, up to 2,000 characters).` });

@Scoped('invoices')
@Resolver(() => InvoiceLine)
export class InvoiceLineResolver {
  @Authorized(...INVOICE_EDITORS, Role.ANALYST)
  @Query(() => InvoiceLineConnection, {
    description: 'Invoice lines of every invoice, filtered, sorted and paged; an invoice’s lines together in line order (invoices by id) unless `orderBy` says otherwise. POST /export writes all of them as CSV or XLSX.',
  })
  invoiceLines(
    @Args() page: PageArgs,
    @FilterArg(() => invoiceLineList.Filter) filter: ListFilter | null,
    @OrderByArg(() => invoiceLineList.OrderBy) orderBy: OrderTerm[] | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return invoiceLineReads.list(ctx, { ...page, filter, orderBy }, isFieldRequested(info, 'totalCount'), requestedNodeFields(info));
  }

  @Authorized(...INVOICE_EDITORS)
  @Mutation(() => InvoiceLine, {
    description:
      'Disputes a MATCHED or RESOLVED line by hand, with the reason (a service not delivered though the amount matches). The invoice becomes DISPUTED; refused for a line of an APPROVED or PAID invoice. The invoice gets a new version too.',
  })
  disputeInvoiceLine(@IdArg('id', 'the invoice line') id: string, @VersionArg() version: number, @ReasonArg('Why the line is disputed') reason: string, @Ctx() ctx: GraphQLContext) {
    return invoiceLineDisputes.dispute(ctx, id, version, reason);
  }

  @Authorized(...INVOICE_EDITORS)
  @Mutation(() => InvoiceLine, {
    description:
      'Settles a DISPUTED line: it becomes RESOLVED with the resolution and the reason, and no longer needs the invoice’s approval reason. When no line is left disputed the invoice goes back to MATCHED. Refused for a line of an APPROVED or PAID invoice.',
  })
  resolveInvoiceLine(
    @IdArg('id', 'the invoice line') id: string,
    @VersionArg() version: number,
    @Arg('resolution', () => InvoiceLineResolution, { description: 'How the dispute is settled.' }) resolution: InvoiceLineResolution,
    @ReasonArg('Why it is settled that way (the credit note’s number, who agreed the difference)') reason: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return invoiceLineDisputes.resolve(ctx, id, version, resolution, reason);
  }

  @FieldResolver(() => MoneyScalar, { nullable: true, description: 'Amount − expected amount; null when there is nothing to match.' })
  difference(@Root() line: InvoiceLine) {
    return line.expectedAmount === null ? null : line.amount - line.expectedAmount;
  }

  @FieldResolver(() => Invoice, { description: 'The invoice the line is on.' })
  invoice(@Root() line: InvoiceLine, @Ctx() ctx: GraphQLContext) {
    return loaderById(ctx, Invoice, 'Invoice').load(line.invoiceId);
  }

  @FieldResolver(() => Placement, { nullable: true, description: 'The placement.' })
  placement(@Root() line: InvoiceLine, @Ctx() ctx: GraphQLContext) {
    return line.placementId ? loaderById(ctx, Placement, 'Placement').load(line.placementId) : null;
  }

  @FieldResolver(() => TransportJourney, { nullable: true, description: 'The transport journey.' })
  journey(@Root() line: InvoiceLine, @Ctx() ctx: GraphQLContext) {
    return line.journeyId ? loaderById(ctx, TransportJourney, 'TransportJourney').load(line.journeyId) : null;
  }

  @FieldResolver(() => ContactSession, { nullable: true, description: 'The contact session.' })
  session(@Root() line: InvoiceLine, @Ctx() ctx: GraphQLContext) {
    return line.sessionId ? loaderById(ctx, ContactSession, 'ContactSession').load(line.sessionId) : null;
  }
}

/** A placement's invoice lines, for every placement on a page in one query. */
@Scoped('invoices')
@Resolver(() => Placement)
export class PlacementInvoiceLinesResolver {
  @Authorized(...INVOICE_EDITORS, Role.ANALYST)
  @FieldResolver(() => [InvoiceLine], { description: 'The invoice lines for the placement’s nights, oldest nights first, with their matching state.' })
  invoiceLines(@Root() placement: Placement, @Ctx() ctx: GraphQLContext) {
    return loaderByParent(ctx, InvoiceLine, 'InvoiceLine', 'placementId', { order: { fromDate: 'ASC', createdAt: 'ASC', lineNumber: 'ASC' } }).load(placement.id);
  }
}
