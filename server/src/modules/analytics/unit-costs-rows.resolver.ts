import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { loaderById } from '../../common/loaders';
import type { GraphQLContext } from '../../graphql/context';
import { Placement } from '../placement/placement.entity';
import { Provider } from '../provider/provider.entity';
import { HighCostPlacement, ProviderUnitCost } from './unit-costs.types';
import { Scoped } from '../../graphql/operation-scope';

/** The records the unit costs' rows name, loaded in one batch per type. */
@Scoped('analytics')
@Resolver(() => ProviderUnitCost)
export class ProviderUnitCostResolver {
  @FieldResolver(() => Provider, { description: 'The provider.' })
  provider(@Root() row: ProviderUnitCost, @Ctx() ctx: GraphQLContext) {
    return loaderById(ctx, Provider, 'Provider').load(row.providerId);
  }
}

@Scoped('analytics')
@Resolver(() => HighCostPlacement)
export class HighCostPlacementResolver {
  @FieldResolver(() => Placement, { description: 'The placement.' })
  placement(@Root() row: HighCostPlacement, @Ctx() ctx: GraphQLContext) {
    return loaderById(ctx, Placement, 'Placement').load(row.placementId);
  }
}
