import express, { Router, type Request, type Response } from 'express';
import { HeaderMap, type ApolloServer, type GraphQLResponse } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { today } from '../../common/clock';
import { badInput, RETRY_AFTER_SECONDS } from '../../common/errors';
import type { Logger } from '../../common/logger';
import type { Config } from '../../config/config';
import { Loaders, type GraphQLContext } from '../../graphql/context';
import { createErrorFormatter } from '../../graphql/format-error';
import { graphqlSchema } from '../../graphql/schema';
import { compilePages, type PageExecutor } from './compiled-pages';
import { AFTER_VARIABLE, FIRST_VARIABLE, planExport, type ExportPlan } from './export-plan';
import { readExportRequest, type ExportRequest } from './export-request';
import { CsvWriter, XlsxWriter, type ExportWriter } from './export-writers';

export interface ExportParts {
  apollo: ApolloServer<GraphQLContext>;
  config: Config;
  logger: Logger;
  contextFor(req: Request): Promise<GraphQLContext>;
}

type Result = { data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] };
/** One page's result, and the HTTP status Apollo gave it (none for a compiled page). */
type PageResult = { result: Result; status?: number };
/** Executes the export's document for one page: `first` for the first page asked for. */
type RunPage = (variables: Record<string, unknown>, first: boolean) => Promise<PageResult>;

/** Where /graphql answers 200 with errors, a file download answers with the status the code stands for. */
const STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  LIMIT_EXCEEDED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SERVICE_UNAVAILABLE: 503,
};

function statusOf(errors: readonly GraphQLFormattedError[], given?: number): number {
  if (given && given >= 400) return given;
  return STATUS_OF_CODE[String(errors[0]?.extensions?.code)] ?? 500;
}

function at(data: unknown, path: string[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || value === undefined) return null;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The process's CPU time since `before` (all requests'), in milliseconds: what an export cost the server beside its wall time. */
function cpuMs(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before);
  return Math.round((used.user + used.system) / 1000);
}

function fileName(plan: ExportPlan, extension: string): string {
  return `${plan.name.replace(/[^A-Za-z0-9._-]/g, '_')}-${today()}.${extension}`;
}

/**
 * POST /export (JSON body) and GET /export (query parameters): a query's list as CSV or XLSX.
 * The document runs through Apollo with the context /graphql builds (same token or API key,
 * same roles, limits and error formatting); a connection is paged by cursor, EXPORT_PAGE_SIZE
 * rows a page, each page written as it arrives while the next is fetched.
 */
export function exportRoutes({ apollo, config, logger, contextFor }: ExportParts): Router {
  const router = Router();
  const formatError = createErrorFormatter(logger, config.statementTimeoutMs);
  // A file download is not GraphQL-over-HTTP's legacy JSON: a bad document answers 400, as for application/graphql-response+json.
  const http = { method: 'POST', headers: new HeaderMap([['accept', 'application/graphql-response+json'], ['content-type', 'application/json']]), search: '', body: null };

  const sendErrors = (res: Response, status: number, body: Result) => {
    if (status === 503) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    res.status(status).type('application/json').send(JSON.stringify(body));
  };
  const refuse = (res: Response, error: unknown) => {
    const graphqlError = error instanceof GraphQLError ? error : new GraphQLError(`Context creation failed: ${(error as Error)?.message}`, { originalError: error as Error });
    const formatted = formatError(graphqlError.toJSON(), graphqlError);
    sendErrors(res, statusOf([formatted], (graphqlError.extensions.http as { status?: number } | undefined)?.status), { errors: [formatted] });
  };

  async function handle(req: Request, res: Response): Promise<void> {
    let request: ExportRequest;
    let base: GraphQLContext;
    let plan: ExportPlan | null;
    let schema: GraphQLSchema;
    try {
      request = readExportRequest(req);
      const context = await contextFor(req);
      // The exported list's pages are bigger than an interactive client may ask for; the nested lists stay as the client asked.
      // Its cost limit grows with the page in the same proportion.
      const maxPageSize = Math.max(context.config.maxPageSize, config.exportPageSize);
      const maxQueryCost = Math.ceil((context.config.maxQueryCost * maxPageSize) / context.config.maxPageSize);
      base = { ...context, config: { ...context.config, maxPageSize, maxQueryCost } };
      schema = await graphqlSchema();
      plan = base.user ? planExport(schema, request.query, request.operationName, request.path, request.variables) : null;
    } catch (error) {
      refuse(res, error);
      return;
    }
    const execute = (variables: Record<string, unknown>, query = plan?.query ?? request.query) =>
      apollo.executeOperation({ query, variables, operationName: request.operationName ?? undefined, http }, { contextValue: { ...base, loaders: new Loaders() } });
    if (!plan || !base.user) {
      // The document does not parse or validate, or no one is signed in: GraphQL's own error (the sign-in gate's 401), as /graphql gives it.
      const response = await execute(request.variables, request.query);
      const result = single(response);
      if (result.errors?.length) sendErrors(res, statusOf(result.errors, response.http.status), result);
      else refuse(res, badInput('path', 'the query selects no list of records to export'));
      return;
    }
    const exported = plan;
    let compiled: PageExecutor | null | undefined;
    const run: RunPage = (variables, first) => {
      let running: Promise<PageResult>;
      // The first page through Apollo (its errors as /graphql gives them); the rest through the same document compiled.
      if (!first) compiled ??= compilePages(schema, exported.query, request.operationName);
      if (!first && compiled) running = compiled(variables, { ...base, loaders: new Loaders() }).then((result) => ({ result: result as Result }));
      else running = execute(variables).then((response) => ({ result: single(response), status: response.http.status }));
      running.catch(() => undefined); // awaited later, or dropped when the client has gone
      return running;
    };
    await stream(req, res, request, plan, run);
  }

  function single(response: GraphQLResponse): Result {
    if (response.body.kind !== 'single') return { errors: [{ message: 'Incremental delivery cannot be exported', extensions: { code: 'BAD_USER_INPUT' } }] };
    return response.body.singleResult as Result;
  }

  async function stream(req: Request, res: Response, request: ExportRequest, plan: ExportPlan, run: RunPage) {
    let gone = false;
    res.on('close', () => {
      gone = !res.writableFinished;
    });
    let remaining = plan.limit ?? Number.POSITIVE_INFINITY;
    const page = (after: string | null, first = false) => run({ ...request.variables, [FIRST_VARIABLE]: Math.min(config.exportPageSize, remaining), [AFTER_VARIABLE]: after }, first);
    let pending: Promise<PageResult> | null = plan.pageInfoPath ? page(plan.startAfter, true) : run(request.variables, true);
    let writer: ExportWriter | null = null;
    let rowsWritten = 0;
    const started = Date.now();
    const cpuBefore = process.cpuUsage();
    try {
      while (pending) {
        const { result, status } = await pending;
        pending = null;
        if (gone) {
          logger.info({ requestId: req.id, rows: rowsWritten }, 'export stopped: the client went away');
          return;
        }
        if (result.errors?.length) {
          if (!writer) return sendErrors(res, statusOf(result.errors, status), result);
          throw new Error(`export failed after ${rowsWritten} rows: ${result.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ')}`);
        }
        const rows = (at(result.data, plan.rowsPath) as unknown[] | null) ?? [];
        remaining -= rows.length;
        if (plan.pageInfoPath) {
          const info = at(result.data, plan.pageInfoPath) as { hasNextPage: boolean; endCursor: string | null } | null;
          // Asked for before this page is written, so the database works while the response is.
          if (info?.hasNextPage && info.endCursor && rows.length && remaining > 0) pending = page(info.endCursor);
        }
        if (!writer) {
          writer = request.format === 'csv' ? new CsvWriter(res, plan.columns) : new XlsxWriter(res, plan.columns, plan.name);
          res.status(200);
          res.setHeader('Content-Type', writer.contentType);
          res.setHeader('Content-Disposition', `attachment; filename="${fileName(plan, writer.extension)}"`);
          res.setHeader('Cache-Control', 'no-store');
          writer.start();
        }
        writer.write(rows);
        rowsWritten += rows.length;
        // Nothing of this page is used past here: it can be collected while the client reads it and the next page runs.
        await writer.drained();
      }
      await writer!.end();
      logger.info({ requestId: req.id, rows: rowsWritten, format: request.format, ms: Date.now() - started, cpuMs: cpuMs(cpuBefore) }, 'export written');
    } catch (error) {
      if (!writer) throw error;
      // Headers and rows have gone: end the connection without the final chunk, so the client sees an incomplete download rather than a short file.
      logger.error({ err: error, requestId: req.id, rows: rowsWritten }, 'export aborted');
      res.destroy();
    }
  }

  const json = express.json({ limit: config.bodyLimitBytes });
  router.get('/', (req, res) => handle(req, res));
  router.post('/', json, (req, res) => handle(req, res));
  return router;
}
