import type { EntityManager } from 'typeorm';

/**
 * Finds providers as a finance system names them: by company number or by legal name (any
 * case). One query for the whole file; a name shared by two providers is ambiguous.
 */
export async function findSuppliers(manager: EntityManager, names: string[]): Promise<Map<string, string | 'AMBIGUOUS'>> {
  const keys = [...new Set(names.map((n) => n.trim().toLowerCase()))];
  const rows: Array<{ id: string; legal_name: string; company_number: string | null }> = await manager.query(
    `SELECT "id", "legal_name", "company_number" FROM "provider"
     WHERE "archived_at" IS NULL AND (lower("legal_name") = ANY($1) OR lower("company_number") = ANY($1))`,
    [keys],
  );
  const found = new Map<string, string | 'AMBIGUOUS'>();
  for (const row of rows) {
    for (const key of [row.legal_name.toLowerCase(), row.company_number?.toLowerCase()]) {
      if (!key || !keys.includes(key)) continue;
      found.set(key, found.has(key) && found.get(key) !== row.id ? 'AMBIGUOUS' : row.id);
    }
  }
  return found;
}
