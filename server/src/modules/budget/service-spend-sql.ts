import { shareSql } from '../../common/share-split';

/**
 * Transport and contact spend in SQL, per child, exactly as the API shows it: a journey's
 * amount is shared between its route's children (equal shares, odd pence to the first by case
 * reference, as `splitEqually` does), a session's belongs to its arrangement's child.
 *
 * `serviceCharges(amountOf, where)` gives rows (source, origin_id — the route or arrangement —,
 * contract_id, child_id, locality_id, day, amount) for
 * transport journeys and contact sessions: `amountOf` picks the amount per journey or session
 * ('cost' for what it costs, 'uninvoiced' for the cost of those on no approved or paid invoice
 * line yet; 'received', 'approved' and 'paid' for the amounts of their invoice lines in any
 * status, approved or paid, and paid), `where` filters on "day" (the journey’s or session’s).
 */
export type ServiceAmount = 'cost' | 'uninvoiced' | InvoicedAmount;
export type InvoicedAmount = 'received' | 'approved' | 'paid';

/** The invoice line statuses each invoiced amount counts. */
export const LINE_STATUSES: Record<InvoicedAmount, readonly string[]> = {
  received: ['MATCHED', 'DISPUTED', 'RESOLVED', 'APPROVED', 'PAID'],
  approved: ['APPROVED', 'PAID'],
  paid: ['PAID'],
};
export const lineStatusIn = (amountOf: InvoicedAmount, column = '"il"."status"') =>
  `${column} IN (${LINE_STATUSES[amountOf].map((s) => `'${s}'`).join(', ')})`;

const ROUTE_CHILDREN = `SELECT "rc"."route_id", "rc"."child_id", "c"."locality_id",
    row_number() OVER (PARTITION BY "rc"."route_id" ORDER BY "c"."case_reference", "c"."id") AS rank,
    count(*) OVER (PARTITION BY "rc"."route_id") AS parts
  FROM "transport_route_child" "rc" JOIN "child" "c" ON "c"."id" = "rc"."child_id"`;

function amounts(source: 'journey' | 'session', amountOf: ServiceAmount): string {
  const table = source === 'journey' ? '"transport_journey"' : '"contact_session"';
  const key = source === 'journey' ? '"journey_id"' : '"session_id"';
  if (amountOf === 'cost' || amountOf === 'uninvoiced') {
    const invoiced = `SELECT 1 FROM "invoice_line" "il" WHERE "il".${key} = "x"."id" AND ${lineStatusIn('approved')}`;
    return `SELECT "x"."id", "x"."date", "x"."cost" AS amount FROM ${table} "x"
            WHERE "x"."cost" IS NOT NULL ${amountOf === 'uninvoiced' ? `AND NOT EXISTS (${invoiced})` : ''}`;
  }
  return `SELECT "x"."id", "x"."date", "il"."amount" FROM ${table} "x"
       JOIN "invoice_line" "il" ON "il".${key} = "x"."id" AND ${lineStatusIn(amountOf)}`;
}

/** Conditions on the route ("j"."route_id") and the arrangement ("s"."arrangement_id"), to cost only some. */
export interface ServiceOrigins {
  routes?: string;
  arrangements?: string;
}

export function serviceCharges(amountOf: ServiceAmount, where: string, origins: ServiceOrigins = {}): string {
  return `(
    SELECT 'TRANSPORT' AS source, "j"."route_id" AS origin_id, "r"."contract_id", "rc"."child_id", "rc"."locality_id", "a"."date" AS day, ${shareSql('"a"."amount"', '"rc"."parts"', '"rc"."rank"')} AS amount
    FROM (${amounts('journey', amountOf)}) "a"
    JOIN "transport_journey" "j" ON "j"."id" = "a"."id" JOIN "transport_route" "r" ON "r"."id" = "j"."route_id"
    JOIN (${ROUTE_CHILDREN}) "rc" ON "rc"."route_id" = "j"."route_id"
    WHERE ${where.replaceAll('"day"', '"a"."date"')}${origins.routes ? ` AND ${origins.routes}` : ''}
    UNION ALL
    SELECT 'CONTACT', "ca"."id", "ca"."contract_id", "ca"."child_id", "c"."locality_id", "a"."date", "a"."amount"
    FROM (${amounts('session', amountOf)}) "a"
    JOIN "contact_session" "s" ON "s"."id" = "a"."id" JOIN "contact_arrangement" "ca" ON "ca"."id" = "s"."arrangement_id" JOIN "child" "c" ON "c"."id" = "ca"."child_id"
    WHERE ${where.replaceAll('"day"', '"a"."date"')}${origins.arrangements ? ` AND ${origins.arrangements}` : ''})`;
}
