import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { ListFilter } from '../../common/list-columns';
import type { OrderTerm } from '../../common/pagination/ordering';
import { FilterArg, IdArg, InputArg, OrderByArg, VersionArg } from '../../common/args';
import { today } from '../../common/clock';
import { loaderById, loaderByParent } from '../../common/loaders';
import type { Pence } from '../../common/money';
import { Connection, PageArgs } from '../../common/pagination/connection';
import { isFieldRequested } from '../../common/pagination/requested-fields';
import { assertId } from '../../common/versioned-update';
import type { GraphQLContext } from '../../graphql/context';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import { costToDate } from '../placement/placement-cost';
import { AdditionalService, Placement, PlacementFee } from '../placement/placement.entity';
import { Provider } from '../provider/provider.entity';
import { Role } from '../user/role';
import { Invoice, InvoiceLine } from './invoice.entity';
import { InvoiceCreateInput } from './invoice.inputs';
import { importInvoiceLines } from './invoice-import';
import { invoiceService } from './invoice.service';
import { inTransaction } from '../../common/transaction';
import { Scoped } from '../../graphql/operation-scope';
import { invoiceList } from './invoice.list';

const InvoiceConnection = Connection(Invoice, 'Invoice');
export const INVOICE_EDITORS = [Role.ADMIN, Role.CONTRACT_OFFICER, Role.FINANCE];
const linesOf = (ctx: GraphQLContext) => loaderByParent(ctx, InvoiceLine, 'InvoiceLine', 'invoiceId', { order: { lineNumber: 'ASC' } });

@ObjectType({ description: 'What a placement should have cost so far, and what was invoiced, paid and disputed.' })
class PlacementSpend {
  @Field(() => MoneyScalar, { description: 'Cost to date by the fee history and additional services.' }) expected!: Pence;
  @Field(() => MoneyScalar, { description: 'Everything invoiced for the placement.' }) invoiced!: Pence;
  @Field(() => MoneyScalar, { description: 'Invoiced and paid.' }) paid!: Pence;
  @Field(() => MoneyScalar, { description: 'Invoiced and approved, not yet paid.' }) approved!: Pence;
  @Field(() => MoneyScalar, { description: 'Invoiced and disputed.' }) disputed!: Pence;
  @Field(() => MoneyScalar, { description: 'Invoiced − expected (negative: not yet invoiced).' }) variance!: Pence;
}

@ObjectType({ description: 'What an invoice-line import created.' })
class InvoiceImportResult {
  @Field(() => Int, { description: 'Invoices created (lines grouped by supplier and invoice number).' }) invoices!: number;
  @Field(() => Int, { description: 'Lines created.' }) lines!: number;
  @Field(() => Int, { description: 'Lines that matched the fee history.' }) matched!: number;
  @Field(() => Int, { description: 'Lines disputed (different from the fee history, or nothing to match).' }) disputed!: number;
}

@Scoped('invoices')
@Resolver(() => Invoice)
export class InvoiceResolver {
  @Authorized(...INVOICE_EDITORS)
  @Mutation(() => InvoiceImportResult, {
    description:
      'Imports invoice lines from a CSV file (columns in the README). The whole file is checked first; any bad row refuses it all, and the error lists every bad row with its line number (extensions.rowErrors).',
  })
  importInvoiceLines(@Arg('csv', { description: 'The file’s text, with its header line.' }) csv: string, @Ctx() ctx: GraphQLContext) {
    return inTransaction(ctx, (tx, audit) => importInvoiceLines(tx, audit, csv));
  }

  @Authorized(...INVOICE_EDITORS, Role.ANALYST)
  @Query(() => Invoice, { nullable: true, description: 'One invoice by id.' })
  invoice(@IdArg() id: string, @Ctx() ctx: GraphQLContext) {
    return invoiceService.get(ctx, id);
  }

  @Authorized(...INVOICE_EDITORS, Role.ANALYST)
  @Query(() => InvoiceConnection, { description: 'Invoices, newest received first unless `orderBy` says otherwise.' })
  invoices(
    @Args() page: PageArgs,
    @FilterArg(() => invoiceList.Filter) filter: ListFilter | null,
    @OrderByArg(() => invoiceList.OrderBy) orderBy: OrderTerm[] | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return invoiceService.list(ctx, { ...page, filter, orderBy }, isFieldRequested(info, 'totalCount'));
  }

  @Authorized(...INVOICE_EDITORS)
  @Mutation(() => Invoice, {
    description: 'Records an invoice and matches each placement line with the fee history: equal → MATCHED, different → DISPUTED. A provider’s reference is accepted once.',
  })
  createInvoice(@InputArg(() => InvoiceCreateInput, 'The invoice.') input: InvoiceCreateInput, @Ctx() ctx: GraphQLContext) {
    return invoiceService.create(ctx, input);
  }

  @Authorized(...INVOICE_EDITORS)
  @Mutation(() => Invoice, { description: 'Approves an invoice for payment; a disputed one needs a reason.' })
  approveInvoice(
    @IdArg() id: string,
    @VersionArg() version: number,
    @Arg('reason', () => String, { nullable: true, description: 'Why a disputed invoice is approved.' }) reason: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return invoiceService.approve(ctx, id, version, reason);
  }

  @Authorized(Role.ADMIN, Role.FINANCE)
  @Mutation(() => Invoice, { description: 'Marks an approved invoice and all its lines paid, in one transaction.' })
  payInvoice(@IdArg() id: string, @VersionArg() version: number, @Arg('paidDate', () => DateScalar, { description: 'When it was paid.' }) paidDate: string, @Ctx() ctx: GraphQLContext) {
    return invoiceService.pay(ctx, id, version, paidDate);
  }

  @FieldResolver(() => Provider, { description: 'The provider.' })
  provider(@Root() invoice: Invoice, @Ctx() ctx: GraphQLContext) {
    return loaderById(ctx, Provider, 'Provider').load(invoice.providerId);
  }

  @FieldResolver(() => [InvoiceLine], { description: 'The lines, in order.' })
  lines(@Root() invoice: Invoice, @Ctx() ctx: GraphQLContext) {
    return linesOf(ctx).load(invoice.id);
  }

  @FieldResolver(() => MoneyScalar, { description: 'The sum of the lines.' })
  async total(@Root() invoice: Invoice, @Ctx() ctx: GraphQLContext) {
    return (await linesOf(ctx).load(invoice.id)).reduce((sum, l) => sum + l.amount, 0n);
  }

  @Authorized(...INVOICE_EDITORS, Role.ANALYST)
  @Query(() => PlacementSpend, { nullable: true, description: 'Expected, invoiced, paid, approved and disputed amounts of one placement, and the variance.' })
  async placementSpend(
    @IdArg('placementId', 'the placement') placementId: string,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Expected cost runs to this date; today when left out.' }) asOf: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PlacementSpend | null> {
    assertId(placementId, 'placementId');
    const placement = await ctx.db.manager.findOneBy(Placement, { id: placementId });
    if (!placement) return null;
    const [fees, services, [sums]] = await Promise.all([
      ctx.db.manager.findBy(PlacementFee, { placementId }),
      ctx.db.manager.findBy(AdditionalService, { placementId }),
      ctx.db.query(
        `SELECT coalesce(sum("amount"), 0)::text AS invoiced,
                coalesce(sum("amount") FILTER (WHERE "status" = 'PAID'), 0)::text AS paid,
                coalesce(sum("amount") FILTER (WHERE "status" = 'APPROVED'), 0)::text AS approved,
                coalesce(sum("amount") FILTER (WHERE "status" = 'DISPUTED'), 0)::text AS disputed
         FROM "invoice_line" WHERE "placement_id" = $1`,
        [placementId],
      ),
    ]);
    const expected = costToDate(placement, fees, services, asOf ?? today());
    const invoiced = BigInt(sums.invoiced);
    return { expected, invoiced, paid: BigInt(sums.paid), approved: BigInt(sums.approved), disputed: BigInt(sums.disputed), variance: invoiced - expected };
  }
}
