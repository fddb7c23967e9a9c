import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { ListFilter } from '../../common/list-columns';
import type { OrderTerm } from '../../common/pagination/ordering';
import { FilterArg, IdArg, InputArg, OrderByArg, VersionArg } from '../../common/args';
import { NeedLevel } from '../../common/codes/need-level.code';
import { PlacementType } from '../../common/codes/placement-type.code';
import { loaderById, loaderByParent } from '../../common/loaders';
import type { Pence } from '../../common/money';
import { Connection, PageArgs } from '../../common/pagination/connection';
import { isFieldRequested } from '../../common/pagination/requested-fields';
import { validateRows } from '../../common/validation';
import { assertId } from '../../common/versioned-update';
import type { GraphQLContext } from '../../graphql/context';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import { Authority } from '../authority/authority.entity';
import { Provider } from '../provider/provider.entity';
import { EDITORS } from '../user/role';
import { AgreementStatus } from './agreement-codes';
import { Agreement } from './agreement.entity';
import { AgreementCreateInput, AgreementUpdateInput, RateCardVariationInput, RateLineInput, RateLineRemoval, RateLineRowUpdate, RateLineUpdateInput } from './agreement.inputs';
import { saveRateCard } from './rate-card.service';
import { agreementService } from './agreement.service';
import { RateLine } from './rate-line.entity';
import { findApplicableRate } from './rate-lookup';
import { Scoped } from '../../graphql/operation-scope';
import { agreementList } from './agreement.list';

const AgreementConnection = Connection(Agreement, 'Agreement');

@ObjectType({ description: 'The weekly rate that applies to a placement, and where it came from.' })
export class RateQuote {
  @Field(() => MoneyScalar, { description: 'The weekly fee that applies on the date, with any fixed uplifts since the card version took effect.' })
  weeklyFee!: Pence;

  @Field(() => MoneyScalar, { description: 'The fee written on the rate line.' })
  cardWeeklyFee!: Pence;

  @Field(() => Int, { description: 'How many 1 April uplifts were added to the card fee.' })
  upliftsApplied!: number;

  @Field(() => Agreement, { description: 'The agreement the rate comes from.' })
  agreement!: Agreement;

  @Field(() => RateLine, { description: 'The rate card line the rate comes from.' })
  rateLine!: RateLine;
}

const linesOfAgreement = (ctx: GraphQLContext) =>
  loaderByParent(ctx, RateLine, 'RateLine', 'agreementId', { order: { effectiveFrom: 'ASC', placementType: 'ASC', needLevel: 'ASC', minAge: 'ASC' } });

@Scoped('agreements')
@Resolver(() => Agreement)
export class AgreementResolver {
  @Query(() => Agreement, { nullable: true, description: 'One agreement by id; null when there is none.' })
  agreement(@IdArg() id: string, @Ctx() ctx: GraphQLContext) {
    return agreementService.get(ctx, id);
  }

  @Query(() => AgreementConnection, { description: 'Preferred-provider agreements, filtered, sorted and paged.' })
  agreements(
    @Args() page: PageArgs,
    @FilterArg(() => agreementList.Filter) filter: ListFilter | null,
    @OrderByArg(() => agreementList.OrderBy) orderBy: OrderTerm[] | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return agreementService.list(ctx, { ...page, filter, orderBy }, isFieldRequested(info, 'totalCount'));
  }

  @Query(() => RateQuote, {
    nullable: true,
    description:
      'The weekly rate a provider’s active agreements give for a placement type, need level and age on a date, with the agreement and line it came from; null when no agreement covers it. The best tier wins, then the lower fee.',
  })
  async applicableRate(
    @IdArg('providerId', 'the provider') providerId: string,
    @Arg('placementType', () => PlacementType, { description: 'SSDA903 placement type.' }) placementType: PlacementType,
    @Arg('needLevel', () => NeedLevel, { description: 'Level of need.' }) needLevel: NeedLevel,
    @Arg('age', () => Int, { description: 'The child’s age in whole years on the date.' }) age: number,
    @Arg('onDate', () => DateScalar, { description: 'The date the rate is wanted for.' }) onDate: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    assertId(providerId, 'providerId');
    return findApplicableRate(ctx.db.manager, { providerId, placementType, needLevel, age, onDate });
  }

  @Authorized(...EDITORS)
  @Mutation(() => Agreement, { description: 'Adds an agreement (DRAFT), optionally with its first rate lines.' })
  createAgreement(@InputArg(() => AgreementCreateInput, 'The new agreement.') input: AgreementCreateInput, @Ctx() ctx: GraphQLContext) {
    return agreementService.create(ctx, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Agreement, { description: 'Changes an agreement’s details; fails with CONFLICT when `version` is not the current one.' })
  updateAgreement(@IdArg() id: string, @VersionArg() version: number, @InputArg(() => AgreementUpdateInput, 'The changes.') input: AgreementUpdateInput, @Ctx() ctx: GraphQLContext) {
    return agreementService.update(ctx, id, version, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Agreement, { description: 'Moves an agreement along its lifecycle: DRAFT → NEGOTIATING → ACTIVE → EXPIRED / TERMINATED.' })
  changeAgreementStatus(
    @IdArg() id: string,
    @VersionArg() version: number,
    @Arg('status', () => AgreementStatus, { description: 'The new status.' }) status: AgreementStatus,
    @Ctx() ctx: GraphQLContext,
  ) {
    return agreementService.changeStatus(ctx, id, version, status);
  }

  @Authorized(...EDITORS)
  @Mutation(() => [RateLine], { description: 'Adds lines to the rate card of an agreement not yet in force; all or nothing.' })
  async addRateLines(
    @IdArg('agreementId', 'the agreement') agreementId: string,
    @Arg('lines', () => [RateLineInput], { validate: false, description: 'The new lines.' }) lines: RateLineInput[],
    @Ctx() ctx: GraphQLContext,
  ) {
    await validateRows(lines, 'lines');
    return agreementService.addRateLines(ctx, agreementId, lines);
  }

  @Authorized(...EDITORS)
  @Mutation(() => RateLine, { description: 'Changes a rate line of an agreement not yet in force.' })
  updateRateLine(@IdArg() id: string, @VersionArg() version: number, @InputArg(() => RateLineUpdateInput, 'The changes.') input: RateLineUpdateInput, @Ctx() ctx: GraphQLContext) {
    return agreementService.updateRateLine(ctx, id, version, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => RateLine, { description: 'Removes a rate line of an agreement not yet in force; returns it as it was.' })
  deleteRateLine(@IdArg() id: string, @VersionArg() version: number, @Ctx() ctx: GraphQLContext) {
    return agreementService.deleteRateLine(ctx, id, version);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Agreement, {
    description:
      'Saves changes to the rate card of an agreement not yet in force in one go: lines added, changed (each with its version) and removed, all or nothing. ' +
      'Errors name the entry: `add.0.weeklyFee`, `update.2.minAge`; a stale version fails with CONFLICT.',
  })
  async saveRateCard(
    @IdArg('agreementId', 'the agreement') agreementId: string,
    @Arg('add', () => [RateLineInput], { nullable: true, validate: false, description: 'New lines.' }) add: RateLineInput[] | null,
    @Arg('update', () => [RateLineRowUpdate], { nullable: true, validate: false, description: 'Changed lines: id, the version you loaded and the new values.' })
    update: RateLineRowUpdate[] | null,
    @Arg('remove', () => [RateLineRemoval], { nullable: true, description: 'Lines to remove, with the version you loaded.' }) remove: RateLineRemoval[] | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    await validateRows(add ?? [], 'add');
    await validateRows(update ?? [], 'update');
    return saveRateCard(ctx, agreementId, { add: add ?? [], update: update ?? [], remove: remove ?? [] });
  }

  @Authorized(...EDITORS)
  @Mutation(() => Agreement, { description: 'Records a variation of an ACTIVE agreement’s rates: a new complete card version from a date.' })
  addRateCardVariation(
    @IdArg('agreementId', 'the agreement') agreementId: string,
    @VersionArg() version: number,
    @InputArg(() => RateCardVariationInput, 'The variation.') input: RateCardVariationInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return agreementService.addVariation(ctx, agreementId, version, input);
  }

  @FieldResolver(() => Provider, { description: 'The provider.' })
  provider(@Root() agreement: Agreement, @Ctx() ctx: GraphQLContext) {
    return loaderById(ctx, Provider, 'Provider').load(agreement.providerId);
  }

  @FieldResolver(() => Authority, { description: 'The commissioning authority.' })
  authority(@Root() agreement: Agreement, @Ctx() ctx: GraphQLContext) {
    return loaderById(ctx, Authority, 'Authority').load(agreement.authorityId);
  }

  @FieldResolver(() => [RateLine], {
    description: 'The rate card: every version when `onDate` is left out, otherwise only the version in force on that date.',
  })
  async rateLines(
    @Root() agreement: Agreement,
    @Arg('onDate', () => DateScalar, { nullable: true, description: 'Only the card version in force on this date.' }) onDate: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const lines = await linesOfAgreement(ctx).load(agreement.id);
    if (!onDate) return lines;
    const inForce = lines.reduce((max, l) => (l.effectiveFrom <= onDate && l.effectiveFrom > max ? l.effectiveFrom : max), '');
    return lines.filter((l) => l.effectiveFrom === inForce);
  }
}

@Scoped('agreements')
@Resolver(() => RateLine)
export class RateLineResolver {
  @FieldResolver(() => Agreement, { description: 'The agreement the line belongs to.' })
  agreement(@Root() line: RateLine, @Ctx() ctx: GraphQLContext) {
    return loaderById(ctx, Agreement, 'Agreement').load(line.agreementId);
  }

  @Query(() => RateLine, { nullable: true, description: 'One rate line by id.' })
  rateLine(@Arg('id', () => ID, { description: 'The id of the line.' }) id: string, @Ctx() ctx: GraphQLContext) {
    assertId(id);
    return ctx.db.manager.findOneBy(RateLine, { id });
  }
}
