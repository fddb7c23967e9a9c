import { Arg, ID, Int } from 'type-graphql';

/** The arguments every module's queries and mutations share, described once. */
export const IdArg = (name = 'id', what = 'the record') => Arg(name, () => ID, { description: `The id of ${what}.` });

export const VersionArg = () =>
  Arg('version', () => Int, { description: 'The version you loaded. If the record has changed since, nothing is written and the error is CONFLICT.' });

export const InputArg = (type: () => unknown, description: string, options: { validate?: boolean } = {}) =>
  Arg('input', type as never, { description, ...options });

export const FilterArg = (type: () => unknown) =>
  Arg('filter', type as never, { nullable: true, description: 'Which records to return; every record when left out.' });

export const OrderByArg = (type: () => unknown) =>
  Arg('orderBy', () => [(type as () => Function)()], {
    nullable: true,
    description: 'Sort keys applied in turn (the id breaks ties); the list’s default order when left out.',
  });
