import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Info, Mutation, Query, Resolver } from 'type-graphql';
import { Connection, PageArgs } from '../../common/pagination/connection';
import { isFieldRequested } from '../../common/pagination/requested-fields';
import { IdArg, VersionArg, InputArg } from '../../common/args';
import type { GraphQLContext } from '../../graphql/context';
import { Role } from './role';
import { User } from './user.entity';
import { Session, UserCreateInput, UserUpdateInput } from './user.inputs';
import { userService } from './user.service';
import { Scoped } from '../../graphql/operation-scope';

const UserConnection = Connection(User, 'User');

@Scoped('people')
@Resolver(() => User)
export class UserResolver {
  @Scoped('public')
  @Mutation(() => Session, { description: 'Signs in with email and password. Needs no token.' })
  login(@Arg('email', { description: 'Your sign-in email.' }) email: string, @Arg('password', { description: 'Your password.' }) password: string, @Ctx() ctx: GraphQLContext) {
    return userService.login(ctx, email, password);
  }

  @Query(() => User, { description: 'The signed-in user.' })
  async me(@Ctx() ctx: GraphQLContext) {
    return userService.get(ctx, ctx.user!.id);
  }

  @Authorized(Role.ADMIN)
  @Query(() => User, { nullable: true, description: 'One user by id (administrators only).' })
  user(@IdArg() id: string, @Ctx() ctx: GraphQLContext) {
    return userService.get(ctx, id);
  }

  @Authorized(Role.ADMIN)
  @Query(() => UserConnection, { description: 'Users, by email (administrators only).' })
  users(@Args() page: PageArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return userService.list(ctx, page, isFieldRequested(info, 'totalCount'));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, { description: 'Adds a user (administrators only).' })
  createUser(@InputArg(() => UserCreateInput, 'The new record.') input: UserCreateInput, @Ctx() ctx: GraphQLContext) {
    return userService.create(ctx, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, { description: 'Changes a user: name, role, active, password (administrators only).' })
  updateUser(
    @IdArg() id: string,
    @VersionArg() version: number,
    @InputArg(() => UserUpdateInput, 'The changes; fields left out stay as they are.') input: UserUpdateInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return userService.update(ctx, id, version, input);
  }
}
