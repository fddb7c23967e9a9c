import DataLoader from 'dataloader';
import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { today } from '../../common/clock';
import { divideRoundHalfUp } from '../../common/money';
import type { GraphQLContext } from '../../graphql/context';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { DecimalScalar } from '../../graphql/scalars/money.scalar';
import { ContractKind } from '../contract/contract-codes';
import { Contract } from '../contract/contract.entity';
import { Scoped } from '../../graphql/operation-scope';

@ObjectType({ description: 'How much of a block contract is used on a date.' })
class BlockUtilisation {
  @Field(() => DateScalar, { description: 'The date.' }) onDate!: string;
  @Field(() => Int, { description: 'Places bought.' }) placesBought!: number;
  @Field(() => Int, { description: 'Placements under the contract running that night.' }) placesUsed!: number;
  @Field(() => DecimalScalar, { description: 'Places used / bought × 100, to two places.' }) percentUsed!: bigint;
}

/** Placements running on a date, counted per contract in one grouped query. */
function placesUsed(ctx: GraphQLContext, onDate: string) {
  return ctx.loaders.get(`placesUsed:${onDate}`, () =>
    new DataLoader<string, number>(async (contractIds) => {
      const rows: Array<{ contract_id: string; used: number }> = await ctx.db.query(
        `SELECT "contract_id", count(*)::int AS "used" FROM "placement"
         WHERE "contract_id" = ANY($1::uuid[]) AND "start_date" <= $2 AND ("end_date" IS NULL OR "end_date" > $2)
         GROUP BY "contract_id"`,
        [contractIds, onDate],
      );
      const used = new Map(rows.map((r) => [r.contract_id, r.used]));
      return contractIds.map((id) => used.get(id) ?? 0);
    }),
  );
}

@Scoped('contracts')
@Resolver(() => Contract)
export class BlockUtilisationResolver {
  @FieldResolver(() => BlockUtilisation, { nullable: true, description: 'For a block contract: places used of places bought on a date (today when left out).' })
  async utilisation(
    @Root() contract: Contract,
    @Arg('onDate', () => DateScalar, { nullable: true, description: 'The date; today when left out.' }) onDate: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BlockUtilisation | null> {
    if (contract.kind !== ContractKind.BLOCK || !contract.blockPlaces) return null;
    const date = onDate ?? today();
    const used = await placesUsed(ctx, date).load(contract.id);
    return { onDate: date, placesBought: contract.blockPlaces, placesUsed: used, percentUsed: divideRoundHalfUp(BigInt(used) * 10000n, BigInt(contract.blockPlaces)) };
  }
}
