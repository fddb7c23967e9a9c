import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { graphqlSchema, printContract } from './schema';
import { printSubgraphContract } from './subgraph/subgraph-schema';

/** `npm run schema`: writes schema/schema.graphql and schema/subgraph.graphql from the code. */
async function main(): Promise<void> {
  const dir = path.resolve(__dirname, '../../../schema');
  const files: Array<[string, string]> = [
    ['schema.graphql', printContract(await graphqlSchema())],
    ['subgraph.graphql', await printSubgraphContract()],
  ];
  for (const [name, sdl] of files) {
    writeFileSync(path.join(dir, name), sdl);
    console.log(`wrote ${path.relative(process.cwd(), path.join(dir, name))}`);
  }
}

void main();
