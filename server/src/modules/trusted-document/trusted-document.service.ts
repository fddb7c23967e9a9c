import { createHash } from 'node:crypto';
import { getOperationAST, parse, validate, type GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { Forbidden, NotFound, throwIfAny, badInput, type FieldError } from '../../common/errors';
import { inTransaction } from '../../common/transaction';
import { assertId } from '../../common/versioned-update';
import type { AuthUser, GraphQLContext } from '../../graphql/context';
import { AuditAction } from '../audit/audit-event.entity';
import { ApiKey } from '../user/api-key.entity';
import { Role } from '../user/role';
import { TrustedDocument, TrustedDocumentsOnlyKey } from './trusted-document.entity';

export const MAX_DOCUMENTS = 100;
export const MAX_DOCUMENT_LENGTH = 100_000;
const CACHE_MS = 10_000;

export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** The API key a request is made with (a key acts with its own id), or null for a person. */
export function apiKeyIdOf(user: AuthUser | null): string | null {
  return user?.apiKey ? user.id : null;
}

export interface DocumentInput {
  document: string;
  sha256?: string | null;
}

/** Which keys accept only registered documents, cached a few seconds like the keys themselves. */
const onlyTrusted = new Map<string, { on: boolean; at: number }>();

export async function acceptsOnlyTrusted(db: DataSource, keyId: string): Promise<boolean> {
  const hit = onlyTrusted.get(keyId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.on;
  const on = await db.manager.existsBy(TrustedDocumentsOnlyKey, { keyId });
  onlyTrusted.set(keyId, { on, at: Date.now() });
  return on;
}

export function isRegistered(db: DataSource, keyId: string, sha256: string): Promise<boolean> {
  return db.manager.existsBy(TrustedDocument, { keyId, sha256 });
}

/** The key the caller acts for: a key for itself (and only while it accepts any document), an administrator for any key. */
async function targetKey(ctx: GraphQLContext, keyId: string | null | undefined): Promise<string> {
  const own = apiKeyIdOf(ctx.user);
  if (ctx.user?.role !== Role.ADMIN) {
    if (!own || (keyId && keyId !== own)) throw new Forbidden('A key registers documents for itself; an administrator for any key');
    if (await acceptsOnlyTrusted(ctx.db, own)) throw new Forbidden('This key accepts only registered documents: an administrator registers new ones');
    return own;
  }
  if (!keyId) throw badInput('keyId', 'name the API key the documents are for');
  assertId(keyId, 'keyId');
  if (!(await ctx.db.manager.existsBy(ApiKey, { id: keyId }))) throw new NotFound('ApiKey', keyId);
  return keyId;
}

function checked(schema: GraphQLSchema, documents: DocumentInput[]): Array<{ sha256: string; document: string; operationName: string | null }> {
  if (documents.length === 0 || documents.length > MAX_DOCUMENTS) throw badInput('documents', `give 1 to ${MAX_DOCUMENTS} documents`);
  const errors: FieldError[] = [];
  const out = documents.map((d, i) => {
    const sha256 = sha256Hex(d.document);
    if (d.sha256 != null && d.sha256 !== sha256) errors.push({ field: `documents.${i}.sha256`, message: `is not the SHA-256 of the document (${sha256})` });
    if (d.document.length > MAX_DOCUMENT_LENGTH) errors.push({ field: `documents.${i}.document`, message: `is longer than ${MAX_DOCUMENT_LENGTH} characters` });
    let operationName: string | null = null;
    try {
      const ast = parse(d.document);
      const problems = validate(schema, ast);
      if (problems.length) errors.push({ field: `documents.${i}.document`, message: problems.map((p) => p.message).join('; ') });
      operationName = getOperationAST(ast)?.name?.value ?? null;
    } catch (error) {
      errors.push({ field: `documents.${i}.document`, message: (error as Error).message });
    }
    return { sha256, document: d.document, operationName };
  });
  throwIfAny(errors);
  return out;
}

export const trustedDocumentService = {
  /** Registers documents (again is harmless) for a key, in one transaction with its audit event. */
  async register(ctx: GraphQLContext, schema: GraphQLSchema, keyId: string | null | undefined, documents: DocumentInput[]): Promise<TrustedDocument[]> {
    const docs = checked(schema, documents);
    const key = await targetKey(ctx, keyId);
    return inTransaction(ctx, async (tx, audit) => {
      await tx.createQueryBuilder().insert().into(TrustedDocument).values(docs.map((d) => ({ ...d, keyId: key }))).orIgnore().execute();
      await audit.record({ entityType: 'ApiKey', entityId: key, action: AuditAction.UPDATE, before: null, after: { trustedDocumentsRegistered: docs.map((d) => d.sha256) } });
      return tx.find(TrustedDocument, { where: docs.map((d) => ({ keyId: key, sha256: d.sha256 })), order: { registeredAt: 'ASC', sha256: 'ASC' } });
    });
  },

  async list(ctx: GraphQLContext, keyId: string): Promise<TrustedDocument[]> {
    assertId(keyId, 'keyId');
    if (ctx.user?.role !== Role.ADMIN && apiKeyIdOf(ctx.user) !== keyId) throw new Forbidden('A key sees its own documents; an administrator any key’s');
    return ctx.db.manager.find(TrustedDocument, { where: { keyId }, order: { registeredAt: 'ASC', sha256: 'ASC' } });
  },

  /** Sets whether a key accepts only its registered documents (administrators). */
  async setOnlyTrusted(ctx: GraphQLContext, keyId: string, only: boolean): Promise<ApiKey> {
    assertId(keyId, 'keyId');
    const key = await inTransaction(ctx, async (tx, audit) => {
      const key = await tx.findOne(ApiKey, { where: { id: keyId }, lock: { mode: 'pessimistic_write' } });
      if (!key) throw new NotFound('ApiKey', keyId);
      const was = await tx.existsBy(TrustedDocumentsOnlyKey, { keyId });
      if (was !== only) {
        if (only) await tx.insert(TrustedDocumentsOnlyKey, { keyId });
        else await tx.delete(TrustedDocumentsOnlyKey, { keyId });
        await audit.record({ entityType: 'ApiKey', entityId: keyId, action: AuditAction.UPDATE, before: { trustedDocumentsOnly: was }, after: { trustedDocumentsOnly: only } });
      }
      return key;
    });
    onlyTrusted.delete(keyId);
    return key;
  },
};
