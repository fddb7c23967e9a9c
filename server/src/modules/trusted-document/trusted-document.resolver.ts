import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Info, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { In } from 'typeorm';
import type { GraphQLContext } from '../../graphql/context';
import { Scoped } from '../../graphql/operation-scope';
import { ApiKey } from '../user/api-key.entity';
import { Role } from '../user/role';
import { TrustedDocument, TrustedDocumentsOnlyKey } from './trusted-document.entity';
import { trustedDocumentService } from './trusted-document.service';

@InputType({ description: 'One operation to register: its exact text, and optionally the SHA-256 the client will send, checked.' })
class TrustedDocumentInput {
  @Field({ description: 'The document, exactly as the client sends it (the hash is of these characters).' }) document!: string;
  @Field(() => String, { nullable: true, description: 'SHA-256 of the text, 64 lowercase hex digits; refused when it does not match.' }) sha256?: string | null;
}

const KEY_CALLERS = [Role.ADMIN, Role.SERVICE, Role.ANALYST];

// A key's own documents are its own set-up, open to any key (reading, in the keys' terms); locking a key is for people.
@Scoped('reference')
@Resolver(() => ApiKey)
export class TrustedDocumentResolver {
  @Scoped('reference', 'read')
  @Authorized(...KEY_CALLERS)
  @Mutation(() => [TrustedDocument], {
    description: 'Registers operations for an API key (trusted documents), validated against the schema: a key for itself while it accepts any document, an administrator for any key.',
  })
  registerTrustedDocuments(
    @Arg('documents', () => [TrustedDocumentInput], { description: 'The operations, at most 100.' }) documents: TrustedDocumentInput[],
    @Arg('keyId', () => ID, { nullable: true, description: 'The key they are for (administrators); a key registers for itself.' }) keyId: string | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return trustedDocumentService.register(ctx, info.schema, keyId, documents);
  }

  @Authorized(...KEY_CALLERS)
  @Query(() => [TrustedDocument], { description: 'The documents registered for an API key, oldest first (the key itself or an administrator).' })
  trustedDocuments(@Arg('keyId', () => ID, { description: 'The key.' }) keyId: string, @Ctx() ctx: GraphQLContext) {
    return trustedDocumentService.list(ctx, keyId);
  }

  @Scoped('people')
  @Authorized(Role.ADMIN)
  @Mutation(() => ApiKey, { description: 'Sets whether an API key accepts only its registered documents (administrators only); applies within seconds.' })
  setApiKeyTrustedDocumentsOnly(
    @Arg('keyId', () => ID, { description: 'The key.' }) keyId: string,
    @Arg('only', { description: 'True: only registered documents; false: any document.' }) only: boolean,
    @Ctx() ctx: GraphQLContext,
  ) {
    return trustedDocumentService.setOnlyTrusted(ctx, keyId, only);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the key accepts only its registered documents (trusted documents).' })
  trustedDocumentsOnly(@Root() key: ApiKey, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders
      .get('TrustedDocumentsOnlyKey:byKey', () =>
        new DataLoader<string, boolean>(async (ids) => {
          const rows = await ctx.db.manager.findBy(TrustedDocumentsOnlyKey, { keyId: In([...ids]) });
          const on = new Set(rows.map((r) => r.keyId));
          return ids.map((id) => on.has(id));
        }),
      )
      .load(key.id);
  }
}
