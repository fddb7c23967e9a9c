import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ListFilter } from '../../common/list-columns';
import type { OrderTerm } from '../../common/pagination/ordering';
import { FilterArg, IdArg, InputArg, OrderByArg, VersionArg } from '../../common/args';
import { loaderById } from '../../common/loaders';
import { Connection, PageArgs } from '../../common/pagination/connection';
import { isFieldRequested } from '../../common/pagination/requested-fields';
import type { GraphQLContext } from '../../graphql/context';
import { Agreement } from '../agreement/agreement.entity';
import { Provider } from '../provider/provider.entity';
import { EDITORS } from '../user/role';
import { User } from '../user/user.entity';
import { ContractStatus } from './contract-codes';
import { Contract } from './contract.entity';
import { ContractCreateInput, ContractUpdateInput } from './contract.inputs';
import { contractService } from './contract.service';
import { Scoped } from '../../graphql/operation-scope';
import { contractList } from './contract.list';

const ContractConnection = Connection(Contract, 'Contract');

@Scoped('contracts')
@Resolver(() => Contract)
export class ContractResolver {
  @Query(() => Contract, { nullable: true, description: 'One contract by id; null when there is none.' })
  contract(@IdArg() id: string, @Ctx() ctx: GraphQLContext) {
    return contractService.get(ctx, id);
  }

  @Query(() => ContractConnection, {
    description: 'Contracts, filtered by any field (and by expiringWithinDays / reviewDueWithinDays), sorted and paged.',
  })
  contracts(
    @Args() page: PageArgs,
    @FilterArg(() => contractList.Filter) filter: ListFilter | null,
    @OrderByArg(() => contractList.OrderBy) orderBy: OrderTerm[] | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return contractService.list(ctx, { ...page, filter, orderBy }, isFieldRequested(info, 'totalCount'));
  }

  @Authorized(...EDITORS)
  @Mutation(() => Contract, { description: 'Adds a contract (DRAFT). A call-off’s fee is checked against its agreement’s card rate.' })
  createContract(@InputArg(() => ContractCreateInput, 'The new contract.') input: ContractCreateInput, @Ctx() ctx: GraphQLContext) {
    return contractService.create(ctx, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Contract, { description: 'Changes a contract; fails with CONFLICT when `version` is not the current one.' })
  updateContract(@IdArg() id: string, @VersionArg() version: number, @InputArg(() => ContractUpdateInput, 'The changes.') input: ContractUpdateInput, @Ctx() ctx: GraphQLContext) {
    return contractService.update(ctx, id, version, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Contract, { description: 'Moves a contract along its lifecycle: DRAFT → AWAITING_SIGNATURE → LIVE → ENDED / TERMINATED.' })
  changeContractStatus(
    @IdArg() id: string,
    @VersionArg() version: number,
    @Arg('status', () => ContractStatus, { description: 'The new status.' }) status: ContractStatus,
    @Ctx() ctx: GraphQLContext,
  ) {
    return contractService.changeStatus(ctx, id, version, status);
  }

  @FieldResolver(() => Provider, { description: 'The provider.' })
  provider(@Root() contract: Contract, @Ctx() ctx: GraphQLContext) {
    return loaderById(ctx, Provider, 'Provider').load(contract.providerId);
  }

  @FieldResolver(() => Agreement, { nullable: true, description: 'The framework agreement, if any.' })
  agreement(@Root() contract: Contract, @Ctx() ctx: GraphQLContext) {
    return contract.agreementId ? loaderById(ctx, Agreement, 'Agreement').load(contract.agreementId) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'The officer who owns the contract.' })
  owner(@Root() contract: Contract, @Ctx() ctx: GraphQLContext) {
    return contract.ownerId ? loaderById(ctx, User, 'User').load(contract.ownerId) : null;
  }
}
