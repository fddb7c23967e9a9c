import { BreakingChangeType, buildSchema, findBreakingChanges, Kind, parse, type BreakingChange } from 'graphql';

/**
 * Breaking-change gate for the GraphQL contract.
 *
 * graphql-js compares the last released SDL (schema/released.graphql) with the current one and
 * lists every breaking change. Each must be announced in the `## Unreleased` section of
 * schema/CHANGES.md by one line of this exact shape:
 *
 *     - BREAKING `<subject>`: <CHANGE_TYPE> — <reason>
 *
 * CHANGE_TYPE is a graphql-js BreakingChangeType; the subject is the schema coordinate the change
 * is about (see `subjectOf`). A change is recorded when both the type and the subject match.
 *
 * The subgraph SDL (schema/subgraph.graphql) goes through the same gate, with one more kind of
 * change graphql-js does not see: ENTITY_KEY_REMOVED, an `@key` another subgraph may rely on
 * (subject `Type@key(field,field)`).
 */

/** A Federation `@key` that the released subgraph had and the current one has not. */
export const ENTITY_KEY_REMOVED = 'ENTITY_KEY_REMOVED';
type ChangeType = BreakingChangeType | typeof ENTITY_KEY_REMOVED;

/** One breaking change as the gate sees it. */
export interface ContractChange {
  type: ChangeType;
  /** Schema coordinate: `Type`, `Type.field`, `Type.field(arg)`, `Enum.VALUE`, `@directive`, … */
  subject: string;
  /** graphql-js's own wording, for the failure message. */
  description: string;
}

/** One announced breaking change, parsed from CHANGES.md. */
export interface RecordedChange {
  type: string;
  subject: string;
  reason: string;
  line: number;
}

export interface BreakingChangeReport {
  /** Breaking changes not announced in `## Unreleased`. The gate fails when this is not empty. */
  unrecorded: ContractChange[];
  /** `- BREAKING` lines that do not follow the format (or name an unknown change type). Also a failure. */
  malformed: string[];
  /** Announced changes that no longer appear in the diff (informational: e.g. reverted since). */
  stale: RecordedChange[];
}

const NAME = '[_A-Za-z][_0-9A-Za-z]*';

/**
 * How each graphql-js description maps to a subject. The wording is graphql-js 16's; if a future
 * version rewords one, `subjectOf` throws, so the gate fails loudly instead of passing silently.
 */
const SUBJECT_PATTERNS: Record<BreakingChangeType, { re: RegExp; subject: (m: RegExpMatchArray) => string }[]> = {
  [BreakingChangeType.TYPE_REMOVED]: [
    { re: new RegExp(`^Standard scalar (${NAME}) was removed because`), subject: (m) => m[1] },
    { re: new RegExp(`^(${NAME}) was removed\\.$`), subject: (m) => m[1] },
  ],
  [BreakingChangeType.TYPE_CHANGED_KIND]: [{ re: new RegExp(`^(${NAME}) changed from `), subject: (m) => m[1] }],
  [BreakingChangeType.TYPE_REMOVED_FROM_UNION]: [
    { re: new RegExp(`^(${NAME}) was removed from union type (${NAME})\\.$`), subject: (m) => `${m[2]}.${m[1]}` },
  ],
  [BreakingChangeType.VALUE_REMOVED_FROM_ENUM]: [
    { re: new RegExp(`^(${NAME}) was removed from enum type (${NAME})\\.$`), subject: (m) => `${m[2]}.${m[1]}` },
  ],
  [BreakingChangeType.REQUIRED_INPUT_FIELD_ADDED]: [
    { re: new RegExp(`^A required field (${NAME}) on input type (${NAME}) was added\\.$`), subject: (m) => `${m[2]}.${m[1]}` },
  ],
  [BreakingChangeType.IMPLEMENTED_INTERFACE_REMOVED]: [
    { re: new RegExp(`^(${NAME}) no longer implements interface (${NAME})\\.$`), subject: (m) => `${m[1]}.${m[2]}` },
  ],
  [BreakingChangeType.FIELD_REMOVED]: [{ re: new RegExp(`^(${NAME})\\.(${NAME}) was removed\\.$`), subject: (m) => `${m[1]}.${m[2]}` }],
  [BreakingChangeType.FIELD_CHANGED_KIND]: [
    { re: new RegExp(`^(${NAME})\\.(${NAME}) changed type from `), subject: (m) => `${m[1]}.${m[2]}` },
  ],
  [BreakingChangeType.REQUIRED_ARG_ADDED]: [
    { re: new RegExp(`^A required arg (${NAME}) on (${NAME})\\.(${NAME}) was added\\.$`), subject: (m) => `${m[2]}.${m[3]}(${m[1]})` },
  ],
  [BreakingChangeType.ARG_REMOVED]: [
    { re: new RegExp(`^(${NAME})\\.(${NAME}) arg (${NAME}) was removed\\.$`), subject: (m) => `${m[1]}.${m[2]}(${m[3]})` },
  ],
  [BreakingChangeType.ARG_CHANGED_KIND]: [
    { re: new RegExp(`^(${NAME})\\.(${NAME}) arg (${NAME}) has changed type from `), subject: (m) => `${m[1]}.${m[2]}(${m[3]})` },
  ],
  [BreakingChangeType.DIRECTIVE_REMOVED]: [{ re: new RegExp(`^(${NAME}) was removed\\.$`), subject: (m) => `@${m[1]}` }],
  [BreakingChangeType.DIRECTIVE_ARG_REMOVED]: [
    { re: new RegExp(`^(${NAME}) was removed from (${NAME})\\.$`), subject: (m) => `@${m[2]}(${m[1]})` },
  ],
  [BreakingChangeType.REQUIRED_DIRECTIVE_ARG_ADDED]: [
    { re: new RegExp(`^A required arg (${NAME}) on directive (${NAME}) was added\\.$`), subject: (m) => `@${m[2]}(${m[1]})` },
  ],
  [BreakingChangeType.DIRECTIVE_REPEATABLE_REMOVED]: [
    { re: new RegExp(`^Repeatable flag was removed from (${NAME})\\.$`), subject: (m) => `@${m[1]}` },
  ],
  [BreakingChangeType.DIRECTIVE_LOCATION_REMOVED]: [
    { re: new RegExp(`^(${NAME}) was removed from (${NAME})\\.$`), subject: (m) => `@${m[2]}.${m[1]}` },
  ],
};

/** The schema coordinate a graphql-js breaking change is about. */
export function subjectOf(change: BreakingChange): string {
  for (const { re, subject } of SUBJECT_PATTERNS[change.type] ?? []) {
    const m = change.description.match(re);
    if (m) return subject(m);
  }
  throw new Error(`Unrecognised breaking-change description for ${change.type}: "${change.description}" (update test/contract/breaking-changes.ts)`);
}

/** Each type's `@key`s as subjects, `Type@key(field,field)`. */
function entityKeys(sdl: string): Set<string> {
  const keys = new Set<string>();
  for (const def of parse(sdl).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    for (const directive of def.directives ?? []) {
      const fields = directive.arguments?.find((a) => a.name.value === 'fields')?.value;
      if (directive.name.value === 'key' && fields?.kind === Kind.STRING) keys.add(`${def.name.value}@key(${fields.value.trim().split(/[\s,]+/).join(',')})`);
    }
  }
  return keys;
}

/** Every breaking change from `releasedSdl` to `currentSdl`, with its subject. */
export function breakingChanges(releasedSdl: string, currentSdl: string): ContractChange[] {
  const changes: ContractChange[] = findBreakingChanges(buildSchema(releasedSdl), buildSchema(currentSdl)).map((c) => ({
    type: c.type,
    subject: subjectOf(c),
    description: c.description,
  }));
  const current = entityKeys(currentSdl);
  for (const key of entityKeys(releasedSdl)) {
    if (!current.has(key)) changes.push({ type: ENTITY_KEY_REMOVED, subject: key, description: `The entity key ${key} was removed.` });
  }
  return changes;
}

/** `- BREAKING \`Subject\`: CHANGE_TYPE — reason` (an em dash, and a reason that is not empty). */
const ENTRY = /^- BREAKING `([^`\s]+)`: ([A-Z_]+) — (\S.*)$/;

/**
 * The `- BREAKING` lines of the `## Unreleased` section of CHANGES.md (from that heading to the
 * next `## ` heading). Lines elsewhere belong to versions already shipped and are ignored.
 */
export function parseChangelog(changelog: string): { recorded: RecordedChange[]; malformed: string[] } {
  const recorded: RecordedChange[] = [];
  const malformed: string[] = [];
  const known = new Set<string>([...Object.values(BreakingChangeType), ENTITY_KEY_REMOVED]);
  let inUnreleased = false;
  changelog.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trimEnd();
    if (/^## /.test(line)) {
      inUnreleased = /^## Unreleased\s*$/.test(line);
      return;
    }
    if (!inUnreleased || !/^\s*[-*]\s*BREAKING\b/.test(line)) return;
    const m = line.match(ENTRY);
    if (!m) malformed.push(`line ${i + 1}: ${line}   (expected: - BREAKING \`Type.field\`: CHANGE_TYPE — reason)`);
    else if (!known.has(m[2])) malformed.push(`line ${i + 1}: ${line}   (unknown change type ${m[2]})`);
    else recorded.push({ subject: m[1], type: m[2], reason: m[3], line: i + 1 });
  });
  return { recorded, malformed };
}

/** Compares the released and current SDL and checks every breaking change against CHANGES.md. */
export function checkBreakingChanges(releasedSdl: string, currentSdl: string, changelog: string): BreakingChangeReport {
  const changes = breakingChanges(releasedSdl, currentSdl);
  const { recorded, malformed } = parseChangelog(changelog);
  const key = (type: string, subject: string) => `${type} ${subject}`;
  const announced = new Set(recorded.map((r) => key(r.type, r.subject)));
  const found = new Set(changes.map((c) => key(c.type, c.subject)));
  return {
    unrecorded: changes.filter((c) => !announced.has(key(c.type, c.subject))),
    malformed,
    stale: recorded.filter((r) => !found.has(key(r.type, r.subject))),
  };
}

/** The line to add to `## Unreleased` for a change (reason left for the author). */
export function changelogLine(change: ContractChange): string {
  return `- BREAKING \`${change.subject}\`: ${change.type} — <reason>`;
}
