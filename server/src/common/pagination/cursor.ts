import { badInput } from '../errors';

export interface CursorPayload {
  /** Signature of the ordering the cursor was made for. */
  o: string;
  /** Values of the sort terms of the record the cursor points at. */
  v: unknown[];
}

export function encodeCursor(payload: CursorPayload): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, signature: string): CursorPayload {
  let payload: CursorPayload;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorPayload;
  } catch {
    throw badInput('after', 'is not a cursor returned by this list');
  }
  if (!payload || !Array.isArray(payload.v) || typeof payload.o !== 'string') {
    throw badInput('after', 'is not a cursor returned by this list');
  }
  if (payload.o !== signature) {
    throw badInput('after', 'was made for a different sort order; ask for the first page again');
  }
  return payload;
}
