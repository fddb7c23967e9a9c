import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { DataSource } from 'typeorm';

const MAX_REMEMBERED = 2000;

/**
 * Apollo Server's persisted-query cache (it prefixes keys with `apq:`): automatic persisted
 * queries are remembered in memory, least recently used first out; a hash not remembered is
 * looked up among the registered trusted documents, so a service can send hashes only. The text
 * belongs to its hash, so which key registered it does not matter here: the trusted-documents
 * gate decides whether the caller may run it.
 */
export class DocumentStore implements KeyValueCache<string> {
  private readonly remembered = new Map<string, string>();

  constructor(private readonly db: DataSource) {}

  async get(key: string): Promise<string | undefined> {
    const hit = this.remembered.get(key);
    if (hit !== undefined) {
      this.remembered.delete(key);
      this.remembered.set(key, hit);
      return hit;
    }
    const hash = key.replace(/^apq:/, '');
    if (!/^[0-9a-f]{64}$/.test(hash)) return undefined;
    const rows: Array<{ document: string }> = await this.db.query(`SELECT "document" FROM "trusted_document" WHERE "sha256" = $1 LIMIT 1`, [hash]);
    if (rows[0]) this.remember(key, rows[0].document);
    return rows[0]?.document;
  }

  async set(key: string, value: string): Promise<void> {
    this.remember(key, value);
  }

  async delete(key: string): Promise<boolean> {
    return this.remembered.delete(key);
  }

  private remember(key: string, value: string): void {
    this.remembered.delete(key);
    this.remembered.set(key, value);
    if (this.remembered.size > MAX_REMEMBERED) this.remembered.delete(this.remembered.keys().next().value!);
  }
}
