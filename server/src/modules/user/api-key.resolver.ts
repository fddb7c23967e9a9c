import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { Scoped } from '../../graphql/operation-scope';
import { DateTimeScalar } from '../../graphql/scalars/datetime.scalar';
import { ApiKey } from './api-key.entity';
import { ApiKeyScope } from './api-key-scope';
import { apiKeyService, DEFAULT_KEY_DAYS, MAX_KEY_DAYS } from './api-key.service';
import { Role } from './role';

@ObjectType({ description: 'A new API key and its secret, shown this once.' })
class CreatedApiKey {
  @Field(() => ApiKey, { description: 'The key.' }) key!: ApiKey;
  @Field({ description: 'Send as `Authorization: Bearer <secret>`. Keep it safe: it is not shown again and cannot be recovered.' }) secret!: string;
}

const EXPIRY = `When the key stops working: in the future, at most ${MAX_KEY_DAYS} days ahead`;

@Scoped('people')
@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Authorized(Role.ADMIN)
  @Query(() => [ApiKey], { description: 'API keys, newest first, without their secrets (administrators only).' })
  apiKeys(@Ctx() ctx: GraphQLContext) {
    return apiKeyService.list(ctx);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreatedApiKey, { description: 'Creates an API key for another system (administrators only); its secret is returned once and only its hash is kept.' })
  createApiKey(
    @Arg('name', { description: 'What the key is for.' }) name: string,
    @Arg('role', () => Role, { defaultValue: Role.SERVICE, description: 'SERVICE (the default: its scopes decide what it may do) or ANALYST (reads only, as an analyst, narrowed by its scopes).' }) role: Role,
    @Arg('scopes', () => [ApiKeyScope], { nullable: true, description: 'What it may read or change, per domain. Left out: read every domain but placements.' }) scopes: ApiKeyScope[] | null,
    @Arg('expiresAt', () => DateTimeScalar, { nullable: true, description: `${EXPIRY}; ${DEFAULT_KEY_DAYS} days from now when left out.` }) expiresAt: Date | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return apiKeyService.create(ctx, { name, role, scopes, expiresAt });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreatedApiKey, { description: 'Gives an API key a new secret, returned once (administrators only); the old secret stops working at once. Name, role and scopes stay.' })
  rotateApiKey(
    @Arg('id', () => ID, { description: 'The key.' }) id: string,
    @Arg('expiresAt', () => DateTimeScalar, { nullable: true, description: `${EXPIRY}; the key's current expiry when left out (needed when that has passed).` }) expiresAt: Date | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return apiKeyService.rotate(ctx, id, expiresAt);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ApiKey, { description: 'Stops an API key working, from its next request (administrators only).' })
  revokeApiKey(@Arg('id', () => ID, { description: 'The key.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return apiKeyService.revoke(ctx, id);
  }
}
