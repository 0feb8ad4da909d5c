import type { IncomingHttpHeaders } from 'node:http';
import type { Express, Request, Response } from 'express';
import { DomainError, errorFormatter } from '../errors';
import type { Logger } from '../logger';
import { inRequestLocale, msg, preferCallerLocale } from '../messages';
import type * as Spreadsheets from '../spreadsheets';
import type { ColumnSpec } from '../spreadsheets/columns';
import { FileRefusedError } from '../spreadsheets/file-refusal';
import type { ImportReport } from '../spreadsheets/import-report';
import { boundedBody } from './bounded-body';
import type { Caller, RequestInfo } from './graphql-server';
import { requestIdOf } from './request-id';

/** The answer to one upload: the report as data, and the user's file annotated with it. */
export interface ImportOutcome {
  report: object;
  annotated(): Promise<Buffer>;
}

/** One kind of file a service imports (members, resident units, ...): its template and the import itself. */
export interface FileImport<C> {
  template(): Promise<Buffer>;
  run(context: C, file: Buffer, options: { dryRun: boolean }): Promise<ImportOutcome>;
}

/** What a kind of import is made of, loaded on its first use: the template's sheet and columns, and the use case. */
export interface SpreadsheetImportParts<C> {
  sheetName: string;
  columns: readonly ColumnSpec[];
  importer(context: C, args: { file: Buffer; dryRun: boolean }): Promise<ImportReport>;
}

/**
 * A kind of import as the routes serve it: the template from its columns, the import from its use
 * case, the annotated file from its report. `load` runs on the first request, so exceljs and the
 * import's code (seconds to load on a busy machine) stay out of start-up; most processes never see a file.
 */
export function spreadsheetImport<C>(load: () => SpreadsheetImportParts<C>): FileImport<C> {
  // `require` rather than `import()`, which CommonJS under node16 resolution would leave as a real ES import.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const spreadsheets = () => require('../spreadsheets') as typeof Spreadsheets;
  return {
    template: () => {
      const { sheetName, columns } = load();
      return spreadsheets().importTemplate(sheetName, columns);
    },
    async run(context, file, { dryRun }) {
      const report = await load().importer(context, { file, dryRun });
      return { report, annotated: () => spreadsheets().annotatedReport(file, report) };
    },
  };
}

export interface FileRouteOptions<C> {
  imports: Record<string, FileImport<C>>;
  authenticate: (headers: IncomingHttpHeaders) => Promise<Caller>;
  context: (request: RequestInfo) => C | Promise<C>;
  logger: Logger;
  maxBytes: number;
}

/** The largest file an import takes (a 10,000-row roster is about 1 MB as .xlsx); the gateway holds the same limit. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const statusOf: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNAVAILABLE: 503,
};

/** Answers a refused file request as GraphQL errors `{ errors: [...] }` (code, message, reason) with the code's HTTP status. */
export function httpRefusal(logger: Logger) {
  const format = errorFormatter(logger);
  return (res: Response, error: unknown) => {
    const formatted = format({ message: String(error) }, error);
    res.status(statusOf[String(formatted.extensions?.code)] ?? 500).json({ errors: [formatted] });
  };
}

/**
 * Imports as plain HTTP beside /graphql (docs/decisions/0021): `POST /imports/:kind` takes the raw
 * file (`?dryRun=true` validates only; `?report=xlsx` answers with the annotated file), `GET
 * /imports/:kind/template` gives the template. The same signed identity as /graphql is required (only
 * the gateway and peers can reach a subgraph), the same context is built, so use cases run as from a
 * resolver; refusals answer as GraphQL errors `{ errors: [...] }` with their code and an HTTP status.
 */
export function fileRoutes<C>(options: FileRouteOptions<C>) {
  const refuse = httpRefusal(options.logger);
  const kindOf = (req: Request): FileImport<C> => {
    const kind = options.imports[String(req.params.kind)];
    if (!kind) throw new DomainError('NOT_FOUND', msg('import.unknownKind', { kind: String(req.params.kind) }));
    return kind;
  };
  /** Authenticates, then runs `work` in the caller's language with the request's context. */
  const serve = (work: (req: Request, res: Response, context: C) => Promise<void>) => (req: Request, res: Response) =>
    inRequestLocale(req.headers['accept-language'], async () => {
      try {
        const { locale: preferred, ...actor } = await options.authenticate(req.headers);
        const locale = preferCallerLocale(preferred);
        res.setHeader('content-language', locale);
        const requestId = requestIdOf(req.headers);
        const logger = options.logger.child({ requestId, actor: actor.sub, role: actor.role });
        await work(req, res, await options.context({ requestId, logger, headers: req.headers, actor, locale }));
      } catch (error) {
        if (!(error instanceof DomainError)) options.logger.error({ err: error }, 'import failed');
        refuse(res, error);
      }
    });
  return (app: Express) => {
    app.get(
      '/imports/:kind/template',
      serve(async (req, res) => {
        const file = await kindOf(req).template();
        res.type(XLSX_TYPE).setHeader('content-disposition', `attachment; filename="${String(req.params.kind)}-template.xlsx"`);
        res.send(file);
      }),
    );
    app.post(
      '/imports/:kind',
      serve(async (req, res, context) => {
        const kind = kindOf(req);
        const file = await boundedBody(req, options.maxBytes);
        if (!file)
          throw new FileRefusedError('FILE_TOO_LARGE', msg('import.tooLarge', { maximum: options.maxBytes }), {
            maximum: options.maxBytes,
          });
        const outcome = await kind.run(context, file, { dryRun: req.query.dryRun === 'true' });
        if (req.query.report === 'xlsx') res.type(XLSX_TYPE).send(await outcome.annotated());
        else res.json({ data: outcome.report });
      }),
    );
  };
}
