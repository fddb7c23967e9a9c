import { shareSql } from '../../common/share-split';

/**
 * Transport and contact spend in SQL, per child, exactly as the API shows it: a journey's
 * amount is shared between its route's children (equal shares, odd pence to the first by case
 * reference, as `splitEqually` does), a session's belongs to its arrangement's child.
 *
 * `serviceCharges(amountOf, where)` gives rows (source, origin_id — the route or arrangement —,
 * child_id, locality_id, day, amount) for
 * transport journeys and contact sessions: `amountOf` picks the amount per journey or session
 * ('cost' for what it costs, 'uninvoiced' for the cost of those on no approved or paid invoice
 * line yet, 'invoiced' for approved or paid invoice lines), `where` filters
 * on "day" (the journey’s or session’s).
 */
export type ServiceAmount = 'cost' | 'uninvoiced' | 'invoiced';

const ROUTE_CHILDREN = `SELECT "rc"."route_id", "rc"."child_id", "c"."locality_id",
    row_number() OVER (PARTITION BY "rc"."route_id" ORDER BY "c"."case_reference", "c"."id") AS rank,
    count(*) OVER (PARTITION BY "rc"."route_id") AS parts
  FROM "transport_route_child" "rc" JOIN "child" "c" ON "c"."id" = "rc"."child_id"`;

function amounts(source: 'journey' | 'session', amountOf: ServiceAmount): string {
  const table = source === 'journey' ? '"transport_journey"' : '"contact_session"';
  const key = source === 'journey' ? '"journey_id"' : '"session_id"';
  const invoiced = `SELECT 1 FROM "invoice_line" "il" WHERE "il".${key} = "x"."id" AND "il"."status" IN ('APPROVED', 'PAID')`;
  if (amountOf !== 'invoiced') {
    return `SELECT "x"."id", "x"."date", "x"."cost" AS amount FROM ${table} "x"
            WHERE "x"."cost" IS NOT NULL ${amountOf === 'uninvoiced' ? `AND NOT EXISTS (${invoiced})` : ''}`;
  }
  return `SELECT "x"."id", "x"."date", "il"."amount" FROM ${table} "x"
       JOIN "invoice_line" "il" ON "il".${key} = "x"."id" AND "il"."status" IN ('APPROVED', 'PAID')`;
}

export function serviceCharges(amountOf: ServiceAmount, where: string): string {
  return `(
    SELECT 'TRANSPORT' AS source, "j"."route_id" AS origin_id, "rc"."child_id", "rc"."locality_id", "a"."date" AS day, ${shareSql('"a"."amount"', '"rc"."parts"', '"rc"."rank"')} AS amount
    FROM (${amounts('journey', amountOf)}) "a"
    JOIN "transport_journey" "j" ON "j"."id" = "a"."id" JOIN (${ROUTE_CHILDREN}) "rc" ON "rc"."route_id" = "j"."route_id"
    WHERE ${where.replaceAll('"day"', '"a"."date"')}
    UNION ALL
    SELECT 'CONTACT', "ca"."id", "ca"."child_id", "c"."locality_id", "a"."date", "a"."amount"
    FROM (${amounts('session', amountOf)}) "a"
    JOIN "contact_session" "s" ON "s"."id" = "a"."id" JOIN "contact_arrangement" "ca" ON "ca"."id" = "s"."arrangement_id" JOIN "child" "c" ON "c"."id" = "ca"."child_id"
    WHERE ${where.replaceAll('"day"', '"a"."date"')})`;
}
