import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { IdArg, InputArg, VersionArg } from '../../common/args';
import { explainConstraint } from '../../common/constraints';
import { today } from '../../common/clock';
import { loaderByParent } from '../../common/loaders';
import { inTransaction } from '../../common/transaction';
import { applyUpdate, assertId, insertAudited, lockForUpdate } from '../../common/versioned-update';
import type { GraphQLContext } from '../../graphql/context';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { Role } from '../user/role';
import { LocalityPopulation } from './locality-population.entity';
import { LocalityPopulationInput, LocalityPopulationUpdateInput } from './locality-population.inputs';
import { POPULATION_IN_FORCE } from './locality-population.sql';
import { Locality } from './locality.entity';
import { Scoped } from '../../graphql/operation-scope';

explainConstraint('uq_locality_population_date', 'effectiveFrom', 'the locality already has a child population from this date; correct that one');
explainConstraint('fk_locality_population_locality_id', 'localityId', 'no locality has this id');
explainConstraint('ck_locality_population_children', 'children', 'must be more than zero');

const POPULATION_EDITORS = [Role.ADMIN, Role.FINANCE];

/** Children in force on a date for many localities at once: one statement per request tick. */
function populationOnLoader(ctx: GraphQLContext) {
  return ctx.loaders.get('LocalityPopulation:inForce', () =>
    new DataLoader<string, number | null>(async (keys) => {
      const pairs = keys.map((k) => k.split('@'));
      const rows: Array<{ children: number | null }> = await ctx.db.query(
        `SELECT ${POPULATION_IN_FORCE('k.locality_id', 'k.d')} AS children
         FROM unnest($1::uuid[], $2::date[]) WITH ORDINALITY AS k(locality_id, d, n) ORDER BY k.n`,
        [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
      );
      return rows.map((r) => r.children);
    }),
  );
}

@Scoped('reference')
@Resolver(() => Locality)
export class LocalityPopulationResolver {
  @Authorized(...POPULATION_EDITORS)
  @Mutation(() => LocalityPopulation, { description: 'Records a locality’s child population (aged 0–17) from a date; earlier figures stay in force before it. ADMIN and FINANCE.' })
  recordLocalityPopulation(@InputArg(() => LocalityPopulationInput, 'The figure.') input: LocalityPopulationInput, @Ctx() ctx: GraphQLContext) {
    assertId(input.localityId, 'localityId');
    return inTransaction(ctx, (tx, audit) =>
      insertAudited(tx, audit, 'LocalityPopulation', LocalityPopulation, {
        localityId: input.localityId,
        effectiveFrom: input.effectiveFrom,
        children: input.children,
        source: input.source?.trim() || null,
      }),
    );
  }

  @Authorized(...POPULATION_EDITORS)
  @Mutation(() => LocalityPopulation, { description: 'Corrects a recorded child population; fails with CONFLICT when `version` is not the current one. ADMIN and FINANCE.' })
  updateLocalityPopulation(
    @IdArg() id: string,
    @VersionArg() version: number,
    @InputArg(() => LocalityPopulationUpdateInput, 'The changes.') input: LocalityPopulationUpdateInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return inTransaction(ctx, async (tx, audit) => {
      const row = await lockForUpdate(tx, LocalityPopulation, 'LocalityPopulation', id, version);
      return applyUpdate(tx, audit, 'LocalityPopulation', row, { children: input.children, source: input.source === undefined ? undefined : input.source?.trim() || null });
    });
  }

  @FieldResolver(() => [LocalityPopulation], { description: 'The locality’s recorded child populations, oldest first.' })
  populations(@Root() locality: Locality, @Ctx() ctx: GraphQLContext) {
    return loaderByParent(ctx, LocalityPopulation, 'LocalityPopulation', 'localityId', { order: { effectiveFrom: 'ASC' } }).load(locality.id);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Children aged 0–17 in force on a date (today when left out): the figure with the latest date on or before it; null when none is recorded by then.' })
  childPopulation(
    @Root() locality: Locality,
    @Arg('onDate', () => DateScalar, { nullable: true, description: 'The date; today when left out.' }) onDate: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return populationOnLoader(ctx).load(`${locality.id}@${onDate ?? today()}`);
  }
}
