import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { graphqlSchema, printContract } from './schema';

/** `npm run schema`: writes schema/schema.graphql from the code. */
async function main(): Promise<void> {
  const target = path.resolve(__dirname, '../../../schema/schema.graphql');
  writeFileSync(target, printContract(await graphqlSchema()));
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}

void main();
