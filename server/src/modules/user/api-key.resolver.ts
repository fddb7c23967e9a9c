import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { ApiKey } from './api-key.entity';
import { apiKeyService } from './api-key.service';
import { Role } from './role';
import { Scoped } from '../../graphql/operation-scope';

@ObjectType({ description: 'A new API key and its secret, shown this once.' })
class CreatedApiKey {
  @Field(() => ApiKey, { description: 'The key.' }) key!: ApiKey;
  @Field({ description: 'Send as `Authorization: Bearer <secret>`. Keep it safe: it is not shown again and cannot be recovered.' }) secret!: string;
}

@Scoped('people')
@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Authorized(Role.ADMIN)
  @Query(() => [ApiKey], { description: 'API keys, newest first (administrators only).' })
  apiKeys(@Ctx() ctx: GraphQLContext) {
    return apiKeyService.list(ctx);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreatedApiKey, { description: 'Creates an API key for another system (administrators only); its secret is returned once.' })
  createApiKey(
    @Arg('name', { description: 'What the key is for.' }) name: string,
    @Arg('role', () => Role, { defaultValue: Role.SERVICE, description: 'SERVICE (the default) or ANALYST.' }) role: Role,
    @Ctx() ctx: GraphQLContext,
  ) {
    return apiKeyService.create(ctx, name, role);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ApiKey, { description: 'Stops an API key working, at once (administrators only).' })
  revokeApiKey(@Arg('id', () => ID, { description: 'The key.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return apiKeyService.revoke(ctx, id);
  }
}
