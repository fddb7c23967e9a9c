import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Info, Mutation, Query, Resolver } from 'type-graphql';
import { Connection, PageArgs } from '../../common/pagination/connection';
import { isFieldRequested } from '../../common/pagination/requested-fields';
import { IdArg, VersionArg, InputArg } from '../../common/args';
import type { GraphQLContext } from '../../graphql/context';
import { Role } from './role';
import { User } from './user.entity';
import { Session, UserCreateInput, UserUpdateInput } from './user.inputs';
import { sessionService } from './session.service';
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

  @Scoped('public')
  @Mutation(() => Session, {
    description: 'Renews a session: the refresh token from login (or the last refreshSession) for a new access token and the next refresh token. Needs no access token. Each refresh token works once; used again, the session ends.',
  })
  refreshSession(@Arg('refreshToken', { description: 'The refresh token of the session.' }) refreshToken: string, @Ctx() ctx: GraphQLContext) {
    return sessionService.refresh(ctx, refreshToken);
  }

  @Mutation(() => Boolean, { description: 'Signs out: the session of this access token ends, and its access and refresh tokens stop working at once.' })
  signOut(@Ctx() ctx: GraphQLContext) {
    return sessionService.signOut(ctx);
  }

  @Mutation(() => Session, {
    description: 'Changes your own password (12 to 128 characters, not one of the most common passwords). Every session of yours ends, here and elsewhere; the new session is returned.',
  })
  changePassword(
    @Arg('currentPassword', { description: 'Your password now.' }) currentPassword: string,
    @Arg('newPassword', { description: 'The new password.' }) newPassword: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return userService.changePassword(ctx, currentPassword, newPassword);
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
  @Mutation(() => User, { description: 'Changes a user: name, role, active, password (administrators only). A new password (a reset) or deactivation ends the user’s sessions at once.' })
  updateUser(
    @IdArg() id: string,
    @VersionArg() version: number,
    @InputArg(() => UserUpdateInput, 'The changes; fields left out stay as they are.') input: UserUpdateInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return userService.update(ctx, id, version, input);
  }
}
