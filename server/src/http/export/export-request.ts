import type { Request } from 'express';
import { badInput } from '../../common/errors';

export type ExportFormat = 'csv' | 'xlsx';

/** What a client asks /export for: a GraphQL request as /graphql takes it, plus the file's format and the list to write. */
export interface ExportRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | null;
  format: ExportFormat;
  /** Response keys to the list, e.g. ['invoiceLines'] or ['spend', 'groups']; null: the first list the query selects. */
  path: string[] | null;
}

const PATH = /^[_A-Za-z][_0-9A-Za-z]*(\.[_A-Za-z][_0-9A-Za-z]*)*$/;

function text(value: unknown, field: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw badInput(field, 'must be a string');
  return value;
}

function object(value: unknown, field: string): Record<string, unknown> {
  if (value === undefined || value === null || value === '') return {};
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      throw badInput(field, 'is not valid JSON');
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badInput(field, 'must be a JSON object');
  return parsed as Record<string, unknown>;
}

/**
 * Reads a POST's JSON body `{ query, variables, operationName, format, path }` or a GET's query
 * parameters of the same names (variables as JSON). `?format=` and `?path=` also work with POST.
 */
export function readExportRequest(req: Request): ExportRequest {
  const params = req.query as Record<string, unknown>;
  const body = req.method === 'POST' ? ((req.body ?? {}) as Record<string, unknown>) : params;
  if (typeof body !== 'object' || Array.isArray(body)) throw badInput('query', 'send a JSON object with query and format');
  const query = text(body.query, 'query');
  if (!query) throw badInput('query', 'is required: the GraphQL document to export');
  const format = (text(body.format ?? params.format, 'format') ?? '').toLowerCase();
  if (format !== 'csv' && format !== 'xlsx') throw badInput('format', 'must be csv or xlsx');
  const path = text(body.path ?? params.path, 'path');
  if (path !== null && !PATH.test(path)) throw badInput('path', 'must be response keys joined by dots, e.g. invoiceLines or spend.groups');
  return { query, variables: object(body.variables, 'variables'), operationName: text(body.operationName, 'operationName'), format, path: path ? path.split('.') : null };
}
