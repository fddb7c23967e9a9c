import { addDays } from '../../server/src/common/dates';
import { monthlyPlacementCosts } from '../../server/src/modules/budget/expected-spend';
import { costBetween, type FeeRow, type ServiceRow } from '../../server/src/modules/placement/placement-cost';
import { ServiceCharge } from '../../server/src/modules/placement/placement.entity';
import { startTestApi, type TestApi } from '../support/test-api';

/** A small deterministic pseudo-random generator, so the data set is the same on every run. */
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface Generated {
  id: string;
  startDate: string;
  endDate: string | null;
  plannedEndDate: string | null;
  fees: FeeRow[];
  services: ServiceRow[];
}

let t: TestApi;
const placements: Generated[] = [];

beforeAll(async () => {
  t = await startTestApi();
  const random = mulberry32(2026);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const days = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pence = (min: number, max: number) => BigInt(days(min, max));
  const db = t.api.db;
  await db.query(`INSERT INTO provider (id, version, legal_name, provider_code) VALUES ('00000000-0000-4000-8000-00000000a001', 1, 'Recon Provider', 'PR4')`);
  const kinds: Array<[string, string]> = [['U4', 'PR4'], ['U4', 'PR1'], ['K2', 'PR4'], ['K3', 'PR4'], ['U1', 'PR1'], ['A4', 'PR1']];
  for (let i = 0; i < 120; i++) {
    const [child] = await db.query(`INSERT INTO child (version, case_reference, initials, date_of_birth, gender, uasc) VALUES (1, $1, 'RC', '2012-01-01', 'MALE', $2) RETURNING id`, [
      `RECON-${i}`,
      random() < 0.05,
    ]);
    const startDate = addDays('2024-06-01', days(0, 640));
    const endDate = random() < 0.5 ? null : addDays(startDate, days(1, 400));
    const plannedEndDate = endDate === null && random() < 0.4 ? addDays(startDate, days(30, 500)) : null;
    const [type, code] = pick(kinds);
    const [placement] = await db.query(
      `INSERT INTO placement (version, child_id, provider_id, placement_type, provider_code, start_date, end_date, planned_end_date) VALUES (1, $1, '00000000-0000-4000-8000-00000000a001', $2, $3, $4, $5, $6) RETURNING id`,
      [child.id, type, code, startDate, endDate, plannedEndDate],
    );
    const fees: FeeRow[] = [{ effectiveFrom: startDate, weeklyFee: pence(30000, 650000) }];
    for (let f = days(0, 3); f > 0; f--) {
      const from = addDays(fees[fees.length - 1].effectiveFrom, days(1, 200));
      if (endDate && from >= endDate) break;
      fees.push({ effectiveFrom: from, weeklyFee: pence(30000, 650000) });
    }
    for (const fee of fees) await db.query(`INSERT INTO placement_fee (placement_id, weekly_fee, effective_from) VALUES ($1, $2, $3)`, [placement.id, fee.weeklyFee.toString(), fee.effectiveFrom]);
    const services: ServiceRow[] = [];
    for (let s = days(0, 2); s > 0; s--) {
      const serviceStart = addDays(startDate, days(0, 120));
      if (endDate && serviceStart >= endDate) continue;
      const weekly = random() < 0.6;
      services.push({
        charge: weekly ? ServiceCharge.WEEKLY : ServiceCharge.ONE_OFF,
        amount: pence(1000, 90000),
        startDate: serviceStart,
        endDate: weekly && random() < 0.5 ? addDays(serviceStart, days(1, 300)) : null,
      });
    }
    for (const s of services) {
      await db.query(`INSERT INTO additional_service (version, placement_id, description, charge, amount, start_date, end_date) VALUES (1, $1, 'extra', $2, $3, $4, $5)`, [
        placement.id,
        s.charge,
        s.amount.toString(),
        s.startDate,
        s.endDate,
      ]);
    }
    placements.push({ id: placement.id, startDate, endDate, plannedEndDate, fees, services });
  }
});
afterAll(() => t.stop());

const MONTHS_2025_26 = Array.from({ length: 12 }, (_, i) => {
  const year = i < 9 ? 2025 : 2026;
  const month = ((i + 3) % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
});
const nextMonth = (month: string) => (month.endsWith('-12') ? `${Number(month.slice(0, 4)) + 1}-01` : `${month.slice(0, 5)}${String(Number(month.slice(5)) + 1).padStart(2, '0')}`);

describe('reconciliation over a generated data set (120 placements, 2025-26)', () => {
  it('costs every placement and month in SQL exactly as the cost arithmetic does', async () => {
    const sqlRows = await monthlyPlacementCosts(t.api.db.manager, 2025, null);
    const sql = new Map(sqlRows.map((r) => [`${r.placementId}|${r.month}`, r.cost]));
    let compared = 0;
    for (const p of placements) {
      for (const month of MONTHS_2025_26) {
        const expected = costBetween(p, p.fees, p.services, `${month}-01`, `${nextMonth(month)}-01`);
        const inSql = sql.get(`${p.id}|${month}`);
        if (inSql === undefined) {
          // SQL leaves out months with no nights of the placement: their cost can only be a one-off on a day outside the placement.
          expect(costBetween(p, p.fees, p.services.filter((s) => s.charge === ServiceCharge.WEEKLY), `${month}-01`, `${nextMonth(month)}-01`)).toBe(0n);
          continue;
        }
        expect([p.id, month, inSql]).toEqual([p.id, month, expected]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('adds up: per placement, per month and per category give the same total, to the penny', async () => {
    const sqlRows = await monthlyPlacementCosts(t.api.db.manager, 2025, null);
    const perPlacement = new Map<string, bigint>();
    for (const r of sqlRows) perPlacement.set(r.placementId, (perPlacement.get(r.placementId) ?? 0n) + r.cost);
    const placementTotal = [...perPlacement.values()].reduce((a, b) => a + b, 0n);

    const { expectedSpend } = await t.ok('{ expectedSpend(financialYear: "2025-26") { total months { month category amount placements } } }');
    const monthTotals = new Map<string, bigint>();
    const categoryTotals = new Map<string, bigint>();
    for (const m of expectedSpend.months) {
      const pence = BigInt(m.amount.replace('.', ''));
      monthTotals.set(m.month, (monthTotals.get(m.month) ?? 0n) + pence);
      categoryTotals.set(m.category, (categoryTotals.get(m.category) ?? 0n) + pence);
    }
    const total = BigInt(expectedSpend.total.replace('.', ''));
    expect([...monthTotals.values()].reduce((a, b) => a + b, 0n)).toBe(total);
    expect([...categoryTotals.values()].reduce((a, b) => a + b, 0n)).toBe(total);
    expect(placementTotal).toBe(total);
    expect(new Set(expectedSpend.months.map((m: any) => m.month)).size).toBe(12);
    expect(categoryTotals.size).toBeGreaterThanOrEqual(5);
  });

  it('commits the same pence in the budget position as each placement’s own arithmetic', async () => {
    const asOf = '2025-10-15';
    const yearEnd = '2026-04-01';
    const expected = placements
      .filter((p) => !p.endDate || p.endDate > asOf)
      .reduce((sum, p) => {
        const lo = [asOf, p.startDate].sort()[1];
        const hi = [yearEnd, p.endDate ?? p.plannedEndDate ?? yearEnd].sort()[0];
        return sum + (lo < hi ? costBetween(p, p.fees, p.services, lo, hi) : 0n);
      }, 0n);
    const { budgetPosition } = await t.ok('{ budgetPosition(financialYear: "2025-26", asOf: "2025-10-15") { lines { category committed } } }');
    const total = budgetPosition.lines.find((l: any) => l.category === null);
    expect(BigInt(total.committed.replace('.', ''))).toBe(expected);
  });
});
