import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  BreakingChangeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  parse,
  print,
  visit,
  type GraphQLSchema,
} from 'graphql';
import { graphqlSchema, printContract } from '../../server/src/graphql/schema';
import { printSubgraphContract } from '../../server/src/graphql/subgraph/subgraph-schema';
import { breakingChanges, changelogLine, checkBreakingChanges, ENTITY_KEY_REMOVED, parseChangelog } from './breaking-changes';

const SCHEMA_DIR = path.resolve(__dirname, '../../schema');
const read = (file: string) => readFileSync(path.join(SCHEMA_DIR, file), 'utf8');

let schema: GraphQLSchema;
let current: string;
let currentSubgraph: string;
beforeAll(async () => {
  schema = await graphqlSchema();
  current = printContract(schema);
  currentSubgraph = await printSubgraphContract();
});

/** Where two texts first differ, with a little context, so a stale file is easy to diagnose. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (lines: string[]) => lines.slice(Math.max(0, i - 2), i + 3).map((l, k) => `  ${Math.max(0, i - 2) + k + 1}: ${l}`).join('\n');
  return `first difference at line ${i + 1}\ncommitted:\n${show(a)}\ngenerated from the code:\n${show(b)}`;
}

it.each([
  ['schema.graphql', () => current],
  ['subgraph.graphql', () => currentSubgraph],
])('schema/%s is up to date', (name, generated) => {
  const file = path.join(SCHEMA_DIR, name);
  if (!existsSync(file)) throw new Error(`schema/${name} is missing: run \`npm run schema\` and commit it.`);
  const committed = readFileSync(file, 'utf8');
  if (committed !== generated()) {
    throw new Error(`schema/${name} is out of date with the code: run \`npm run schema\` and commit the result.\n${firstDifference(committed, generated())}`);
  }
  expect(committed).toBe(generated());
});

describe('breaking changes', () => {
  it.each([
    ['schema.graphql', 'released.graphql', () => current],
    ['subgraph.graphql', 'released-subgraph.graphql', () => currentSubgraph],
  ])('no unannounced breaking change in %s against %s', (_name, releasedFile, generated) => {
    const report = checkBreakingChanges(read(releasedFile), generated(), read('CHANGES.md'));
    const problems: string[] = [];
    if (report.unrecorded.length > 0) {
      problems.push(
        'Breaking changes against schema/released.graphql that are not recorded under "## Unreleased" in schema/CHANGES.md.',
        'Deprecate instead of removing/changing; if the change must ship, add these lines (with a reason):',
        ...report.unrecorded.map((c) => `  ${changelogLine(c)}    (${c.description})`),
      );
    }
    if (report.malformed.length > 0) {
      problems.push('Malformed BREAKING lines in schema/CHANGES.md:', ...report.malformed.map((m) => `  ${m}`));
    }
    if (problems.length > 0) throw new Error(problems.join('\n'));
    expect(report.unrecorded).toEqual([]);
    expect(report.malformed).toEqual([]);
  });

  /** The released SDL without `Provider.legalName`, edited through the AST, not by hand. */
  function releasedWithoutLegalName(released: string): string {
    let removed = false;
    const edited = visit(parse(released), {
      ObjectTypeDefinition(node) {
        if (node.name.value !== 'Provider') return undefined;
        const fields = node.fields?.filter((f) => f.name.value !== 'legalName');
        removed = fields?.length !== node.fields?.length;
        return { ...node, fields };
      },
    });
    if (!removed) throw new Error('released.graphql has no Provider.legalName: pick another field for this check');
    return print(edited);
  }

  it('the detector reports a removed field that CHANGES.md does not announce', () => {
    const released = read('released.graphql');
    const modified = releasedWithoutLegalName(released);

    // Baseline: the released contract against itself has nothing to report.
    expect(checkBreakingChanges(released, released, read('CHANGES.md'))).toEqual({ unrecorded: [], malformed: [], stale: [] });

    // The real changelog does not announce the removal, so the gate must flag it.
    const report = checkBreakingChanges(released, modified, read('CHANGES.md'));
    expect(report.unrecorded).toEqual([
      { type: BreakingChangeType.FIELD_REMOVED, subject: 'Provider.legalName', description: 'Provider.legalName was removed.' },
    ]);
    expect(changelogLine(report.unrecorded[0])).toBe('- BREAKING `Provider.legalName`: FIELD_REMOVED — <reason>');
  });

  it('the detector reports a removed entity key and a removed subgraph field', () => {
    const released = read('released-subgraph.graphql');
    expect(checkBreakingChanges(released, released, read('CHANGES.md'))).toEqual({ unrecorded: [], malformed: [], stale: [] });
    const keyless = released.replace(/^(type Child[^\n]*)\n  @key\(fields: "id"\)/m, '$1');
    expect(keyless).not.toBe(released);
    const report = checkBreakingChanges(released, keyless, read('CHANGES.md'));
    expect(report.unrecorded).toEqual([{ type: ENTITY_KEY_REMOVED, subject: 'Child@key(id)', description: 'The entity key Child@key(id) was removed.' }]);
    const announced = read('CHANGES.md').replace('## Unreleased\n', '## Unreleased\n- BREAKING `Child@key(id)`: ENTITY_KEY_REMOVED — children are found by case reference\n');
    expect(checkBreakingChanges(released, keyless, announced).unrecorded).toEqual([]);
    const noEntities = released.replace(/^  _entities\(representations: \[_Any!\]!\): \[_Entity\]!\n/m, '');
    expect(breakingChanges(released, noEntities).map((c) => `${c.type} ${c.subject}`)).toEqual(['FIELD_REMOVED Query._entities']);
  });

  it('an entry counts only in the right format, with the right type, under ## Unreleased', () => {
    const released = read('released.graphql');
    const modified = releasedWithoutLegalName(released);
    const log = (section: string, line: string) => `# Changes\n\n## Unreleased\n${section === 'Unreleased' ? line : ''}\n\n## 0.1.0\n${section === '0.1.0' ? line : ''}\n`;
    const good = '- BREAKING `Provider.legalName`: FIELD_REMOVED — replaced by name';

    expect(checkBreakingChanges(released, modified, log('Unreleased', good))).toEqual({ unrecorded: [], malformed: [], stale: [] });
    // Recorded under a shipped version only: still unannounced.
    expect(checkBreakingChanges(released, modified, log('0.1.0', good)).unrecorded.map((c) => c.subject)).toEqual(['Provider.legalName']);
    // Right subject, wrong type: unannounced, and the entry is stale.
    const wrongType = checkBreakingChanges(released, modified, log('Unreleased', '- BREAKING `Provider.legalName`: FIELD_CHANGED_KIND — x'));
    expect(wrongType.unrecorded.map((c) => c.subject)).toEqual(['Provider.legalName']);
    expect(wrongType.stale.map((r) => r.subject)).toEqual(['Provider.legalName']);
    // Malformed lines are reported, not ignored.
    for (const bad of [
      '- BREAKING Provider.legalName: FIELD_REMOVED — no backticks',
      '- BREAKING `Provider.legalName`: FIELD_REMOVED',
      '- BREAKING `Provider.legalName`: FIELD_GONE — unknown type',
    ]) {
      const r = checkBreakingChanges(released, modified, log('Unreleased', bad));
      expect(r.malformed).toHaveLength(1);
      expect(r.unrecorded).toHaveLength(1);
    }
  });

  it('names the subject of each kind of breaking change', () => {
    const before = `
      directive @tag(name: String, scope: String) repeatable on FIELD_DEFINITION | OBJECT
      interface Node { id: ID! }
      type A implements Node { id: ID! f(x: Int, y: Int): String g: Int }
      type B { id: ID! }
      union U = A | B
      enum E { ONE TWO }
      input I { a: Int }
      type Gone { id: ID! }
      type Query { a: A u: U e: E i(in: I): Int gone: Gone k: String }
    `;
    const after = `
      directive @tag(name: String, level: Int!) on OBJECT
      interface Node { id: ID! }
      type A { id: ID! f(x: String, z: Int!): String g: String }
      type B { id: ID! }
      union U = A
      enum E { ONE }
      input I { a: Int b: Int! }
      type Query { a: A u: U e: E i(in: I): Int k: Int }
    `;
    const found = breakingChanges(before, after)
      .map((c) => `${c.type} ${c.subject}`)
      .sort();
    expect(found).toEqual(
      [
        'ARG_CHANGED_KIND A.f(x)',
        'ARG_REMOVED A.f(y)',
        'DIRECTIVE_ARG_REMOVED @tag(scope)',
        'DIRECTIVE_LOCATION_REMOVED @tag.FIELD_DEFINITION',
        'DIRECTIVE_REPEATABLE_REMOVED @tag',
        'FIELD_CHANGED_KIND A.g',
        'FIELD_CHANGED_KIND Query.k',
        'FIELD_REMOVED Query.gone',
        'IMPLEMENTED_INTERFACE_REMOVED A.Node',
        'REQUIRED_ARG_ADDED A.f(z)',
        'REQUIRED_DIRECTIVE_ARG_ADDED @tag(level)',
        'REQUIRED_INPUT_FIELD_ADDED I.b',
        'TYPE_REMOVED Gone',
        'TYPE_REMOVED_FROM_UNION U.B',
        'VALUE_REMOVED_FROM_ENUM E.TWO',
      ].sort(),
    );
    expect(breakingChanges('directive @x on FIELD type Query { a: Int }', 'type Query { a: Int }').map((c) => `${c.type} ${c.subject}`)).toEqual([
      'DIRECTIVE_REMOVED @x',
    ]);
    expect(breakingChanges('type T { a: Int } type Query { t: T }', 'input T { a: Int } type Query { t: Int }').map((c) => `${c.type} ${c.subject}`)).toContain(
      'TYPE_CHANGED_KIND T',
    );
  });

  it('parses only the Unreleased section of the real CHANGES.md without errors', () => {
    expect(parseChangelog(read('CHANGES.md')).malformed).toEqual([]);
  });
});

/**
 * Every description the SDL lacks, as `Type`, `Type.field`, `Type.field(arg)`, `Enum.VALUE`
 * or `Input.field`. Introspection types and built-in scalars are skipped; so is the type-level
 * description of the root operation types (Query, Mutation), which type-graphql cannot set.
 */
function missingDescriptions(s: GraphQLSchema): string[] {
  const missing: string[] = [];
  const blank = (d: string | null | undefined) => !d || d.trim() === '';
  const roots = new Set([s.getQueryType(), s.getMutationType(), s.getSubscriptionType()].filter(Boolean));
  for (const type of Object.values(s.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    if (!roots.has(type as never) && blank(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (blank(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) if (blank(value.description)) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing.sort();
}

it('every type, field, argument, enum value and input field has a description', () => {
  const missing = missingDescriptions(schema);
  if (missing.length > 0) {
    throw new Error(`${missing.length} schema elements have no description (the SDL is the analysts' manual):\n${missing.map((m) => `  ${m}`).join('\n')}`);
  }
  expect(missing).toEqual([]);
});
