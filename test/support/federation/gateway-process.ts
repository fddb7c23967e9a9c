/**
 * A real Apollo Gateway in its own process, for the federation test: composes the subgraphs in
 * SUBGRAPHS (JSON [{ name, url }]) by IntrospectAndCompose, with GATEWAY_TOKEN for `_service`,
 * passes each client's Authorization header on to the subgraphs, and prints its URL.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';

interface GatewayContext {
  authorization?: string;
}

async function main(): Promise<void> {
  const subgraphs = JSON.parse(process.env.SUBGRAPHS ?? '[]') as Array<{ name: string; url: string }>;
  const gateway = new ApolloGateway({
    supergraphSdl: new IntrospectAndCompose({ subgraphs, introspectionHeaders: { authorization: `Bearer ${process.env.GATEWAY_TOKEN}` } }),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url,
        willSendRequest({ request, context }) {
          if (context.authorization) request.http?.headers.set('authorization', context.authorization);
        },
      }),
  });
  const server = new ApolloServer<GatewayContext>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
  process.stdout.write(`${JSON.stringify({ url })}\n`);
  process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
