import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { MoneyTotal } from './totals';

@ObjectType({ description: 'Where a page sits in the whole list.' })
export class PageInfo {
  @Field({ description: 'True when more records follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'True when records come before this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first record on the page.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last record on the page: pass it as `after` for the next page. Null on an empty page.',
  })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'How many records to return (default 50, at most the server cap, 500 unless configured).',
  })
  first?: number;

  @Field(() => Int, { nullable: true, description: 'Skip this many records (offset paging). Not with `after`.' })
  offset?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Return the records after this cursor (cursor paging, stable while records are added). Not with `offset`.',
  })
  after?: string;
}

export interface ConnectionResult<T> {
  nodes: T[];
  totalCount?: number;
  /** The sums of the money fields over the whole filtered list, computed when asked for. */
  totals?: MoneyTotal[] | (() => MoneyTotal[] | Promise<MoneyTotal[]>);
  pageInfo: PageInfo;
}

type ClassType<T = object> = new (...args: never[]) => T;

/** `<Type>Connection`: one page of records, with a count and paging information. */
export function Connection<T extends object>(Node: ClassType<T>, typeName: string) {
  @ObjectType(`${typeName}Connection`, { description: `A page of ${typeName} records.` })
  class ConnectionType implements ConnectionResult<T> {
    @Field(() => [Node], { description: 'The records on this page, in the order asked for.' })
    nodes!: T[];

    @Field(() => Int, { description: 'How many records match the filter in all (counted only when asked for).' })
    totalCount!: number;

    @Field(() => PageInfo, { description: 'Paging information.' })
    pageInfo!: PageInfo;

    @Field(() => [MoneyTotal], {
      description:
        'The sum of each money field over every record the filter matches (all pages), computed in SQL when asked for; empty when the type has no money field that can be summed.',
    })
    // A method, so that type-graphql calls the list's own `totals` (computed only when asked for); none by default.
    totals(): MoneyTotal[] | Promise<MoneyTotal[]> {
      return [];
    }
  }
  return ConnectionType;
}
