import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * Refuses a document with more than `max` aliased fields (fragments counted once each): a
 * thousand aliases of one expensive field would otherwise run it a thousand times.
 */
export function aliasLimit(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias) aliases += 1;
      },
      Document: {
        leave(node) {
          if (aliases > max) {
            context.reportError(
              new GraphQLError(`The query has ${aliases} aliases; at most ${max} are allowed`, { nodes: [node], extensions: { code: 'LIMIT_EXCEEDED' } }),
            );
          }
        },
      },
    };
  };
}
