import { ID } from 'type-graphql';
import { badInput } from '../../common/errors';
import { enumFilter } from '../../common/filters/enum-filters';
import type { SqlParams } from '../../common/filters/sql-params';
import { declareList, type Condition } from '../../common/list-columns';
import { SortDirection } from '../../common/pagination/ordering';
import { isUuid } from '../../common/versioned-update';
import { TransportJourney } from './journey.entity';
import { TransportRoute } from './route.entity';
import { JourneyPurpose, JourneyStatus, VehicleType } from './transport-codes';

const R = '"transport_route"';
const J = '"transport_journey"';

/** `childId`: the rows whose route (`routeIdSql`) the child travels on. */
function travelledBy(routeIdSql: string, description: string): Condition<string> {
  return {
    type: () => ID,
    description,
    sql: (childId: string, params: SqlParams) => {
      if (!isUuid(childId)) throw badInput('filter.childId', 'is not a valid id (a UUID)');
      return `EXISTS (SELECT 1 FROM "transport_route_child" "rc" WHERE "rc"."route_id" = ${routeIdSql} AND "rc"."child_id" = ${params.add(childId)}::uuid)`;
    },
  };
}

export const routeList = declareList({
  name: 'TransportRoute',
  entity: TransportRoute,
  alias: 'transport_route',
  description: 'Which routes to list.',
  search: 'Free text matched against the reference and postcodes.',
  columns: {
    id: { kind: 'id', filter: 'the id' },
    reference: { kind: 'string', filter: 'the reference', sort: true, search: true },
    fromPostcode: { kind: 'string', search: true },
    toPostcode: { kind: 'string', search: true },
    purpose: { kind: 'enum', type: enumFilter(JourneyPurpose, 'JourneyPurpose'), filter: 'the purpose' },
    vehicleType: { kind: 'enum', type: enumFilter(VehicleType, 'VehicleType'), filter: 'the vehicle type' },
    contractId: { kind: 'id', filter: 'the contract' },
    termStart: { kind: 'date', filter: 'the first day of the term', sort: true },
    createdAt: { kind: 'datetime', sort: true },
  },
  conditions: { childId: travelledBy(`${R}."id"`, 'Routes this child travels on.') },
  defaultOrder: [{ field: 'reference', direction: SortDirection.ASC }],
});

export const journeyList = declareList({
  name: 'TransportJourney',
  entity: TransportJourney,
  alias: 'transport_journey',
  description: 'Which journeys to list.',
  columns: {
    id: { kind: 'id', filter: 'the id' },
    routeId: { kind: 'id', filter: 'the route' },
    date: { kind: 'date', filter: 'the day', sort: true },
    leg: { kind: 'enum', sort: true },
    status: { kind: 'enum', type: enumFilter(JourneyStatus, 'JourneyStatus'), filter: 'the status' },
    cost: { kind: 'money', filter: 'the cost', sort: true, nullable: true },
  },
  conditions: { childId: travelledBy(`${J}."route_id"`, 'Journeys this child travels on.') },
  defaultOrder: [
    { field: 'date', direction: SortDirection.ASC },
    { field: 'leg', direction: SortDirection.ASC },
  ],
});
