import type { EntityManager } from 'typeorm';
import { PlacementProviderCode } from '../../common/codes/placement-provider.code';
import { PlacementType } from '../../common/codes/placement-type.code';
import { ImportFailed, parseCsv, RowReader, type RowError } from '../../common/csv-import';
import type { AuditWriter } from '../audit/audit.service';
import { findSuppliers } from '../provider/supplier-lookup';
import { insertPlacement } from './placement.service';

/** The columns of a placement file (documented in the README). */
export const PLACEMENT_COLUMNS = ['placement_reference', 'child_reference', 'supplier', 'setting_urn', 'placement_type', 'provider_code', 'start_date', 'planned_end_date', 'weekly_fee'];
const REQUIRED = ['placement_reference', 'child_reference', 'supplier', 'placement_type', 'provider_code', 'start_date', 'weekly_fee'];

const FIELD_TO_COLUMN: Record<string, string> = {
  startDate: 'start_date',
  plannedEndDate: 'planned_end_date',
  settingId: 'setting_urn',
  weeklyFee: 'weekly_fee',
  childId: 'child_reference',
  providerId: 'supplier',
  contractId: 'contract',
};

/**
 * Imports placements. Every row is checked (columns, references, codes, dates, overlaps with
 * the child's other placements, including rows earlier in the same file) inside one
 * transaction; any error rolls the whole file back and lists each bad row.
 */
export async function importPlacements(tx: EntityManager, audit: AuditWriter, csv: string): Promise<number> {
  const rows = parseCsv(csv, REQUIRED);
  const errors: RowError[] = [];
  const parsed = rows.map((row) => {
    const r = new RowReader(row, errors);
    return {
      line: row.line,
      reference: r.text('placement_reference', 50),
      childReference: r.text('child_reference', 50),
      supplier: r.text('supplier', 200),
      settingUrn: r.text('setting_urn', 8, false),
      placementType: r.code('placement_type', Object.values(PlacementType)),
      providerCode: r.code('provider_code', Object.values(PlacementProviderCode)),
      startDate: r.date('start_date'),
      plannedEndDate: r.date('planned_end_date', false),
      weeklyFee: r.money('weekly_fee'),
    };
  });

  const seen = new Map<string, number>();
  for (const p of parsed) {
    if (!p.reference) continue;
    if (seen.has(p.reference)) errors.push({ line: p.line, field: 'placement_reference', message: `also on line ${seen.get(p.reference)}` });
    seen.set(p.reference, p.line);
  }
  const taken = new Set((await tx.query(`SELECT "reference" FROM "placement" WHERE "reference" = ANY($1)`, [[...seen.keys()]])).map((r: { reference: string }) => r.reference));
  const children = new Map<string, string>(
    (await tx.query(`SELECT "case_reference", "id" FROM "child" WHERE "case_reference" = ANY($1)`, [parsed.map((p) => p.childReference)])).map((r: { case_reference: string; id: string }) => [r.case_reference, r.id]),
  );
  const settings = new Map<string, string>(
    (await tx.query(`SELECT "ofsted_urn", "id" FROM "setting" WHERE "ofsted_urn" = ANY($1)`, [parsed.map((p) => p.settingUrn).filter(Boolean)])).map((r: { ofsted_urn: string; id: string }) => [r.ofsted_urn, r.id]),
  );
  const suppliers = await findSuppliers(tx, parsed.map((p) => p.supplier ?? '').filter(Boolean));

  let created = 0;
  for (const p of parsed) {
    const before = errors.length;
    if (p.reference && taken.has(p.reference)) errors.push({ line: p.line, field: 'placement_reference', message: `a placement with the reference "${p.reference}" already exists` });
    const childId = p.childReference ? children.get(p.childReference) : undefined;
    if (p.childReference && !childId) errors.push({ line: p.line, field: 'child_reference', message: `no child has the case reference "${p.childReference}"` });
    const providerId = p.supplier ? suppliers.get(p.supplier.trim().toLowerCase()) : undefined;
    if (p.supplier && (!providerId || providerId === 'AMBIGUOUS')) errors.push({ line: p.line, field: 'supplier', message: `no single provider has the name or company number "${p.supplier}"` });
    const settingId = p.settingUrn ? settings.get(p.settingUrn) : undefined;
    if (p.settingUrn && !settingId) errors.push({ line: p.line, field: 'setting_urn', message: `no setting has the Ofsted URN ${p.settingUrn}` });
    // Rows already found wrong are not checked further; the others are inserted, so later rows see them.
    if (errors.length > before || !childId || !providerId || providerId === 'AMBIGUOUS' || !p.placementType || !p.providerCode || !p.startDate || p.weeklyFee === null) continue;
    const { errors: rowErrors } = await insertPlacement(tx, audit, {
      reference: p.reference,
      childId,
      providerId,
      settingId: settingId ?? null,
      placementType: p.placementType,
      providerCode: p.providerCode,
      startDate: p.startDate,
      plannedEndDate: p.plannedEndDate,
      weeklyFee: p.weeklyFee,
    });
    for (const e of rowErrors) errors.push({ line: p.line, field: FIELD_TO_COLUMN[e.field] ?? e.field, message: e.message });
    if (!rowErrors.length) created++;
  }
  if (errors.length) throw new ImportFailed(errors);
  return created;
}
