import { filledTemplate, memberRow, template, upload, type ImportReport } from '../../../test/import-files';
import { type Federation, startFederation } from '@cpb/kit/testing';
import { seeded } from '@cpb/demo-world/testing';

/**
 * Issue 18: an import writes its checked rows a slice at a time (IMPORT_SLICE_ROWS; here 2, so five
 * rows take three slices) inside its one transaction: a file larger than a slice is still all or
 * none. A failure in the last slice, after two slices went in, leaves no member, no event, no audit
 * entry and no record of the import.
 */
let federation: Federation;
let templateFile: Buffer;
let organizationId: string;

beforeAll(async () => {
  federation = await startFederation({ env: { IMPORT_SLICE_ROWS: '2' } });
  organizationId = (await seeded(federation)).communities[0].partyOrganization.id;
  templateFile = (await template(federation, 'members')).file;
});
afterAll(() => federation?.stop());

const db = () => federation.subgraphs.members.running.database.dataSource;

const rows = (names: string[]) => names.map((姓名) => memberRow(organizationId, { 姓名 }));

async function counts(): Promise<{ members: number; events: number; audit: number; imports: number; importRows: number }> {
  const [c] = await db().query(
    `SELECT (SELECT count(*)::int FROM member) AS members, (SELECT count(*)::int FROM outbox) AS events,
            (SELECT count(*)::int FROM audit_log) AS audit, (SELECT count(*)::int FROM member_import) AS imports,
            (SELECT count(*)::int FROM member_import_row) AS "importRows"`,
  );
  return c;
}

describe('an import larger than one slice', () => {
  it('writes every slice in one transaction: all rows, their events in row order, one audit entry', async () => {
    const names = ['切片一', '切片二', '切片三', '切片四', '切片五'];
    const before = await counts();
    const answer = await upload<ImportReport>(federation, 'members', await filledTemplate(templateFile, rows(names)));
    expect(answer.data).toMatchObject({ committed: true, rowCount: 5, createdCount: 5, errorCount: 0 });
    expect(await counts()).toEqual({
      members: before.members + 5,
      events: before.events + 6,
      audit: before.audit + 1,
      imports: before.imports + 1,
      importRows: before.importRows + 5,
    });
    // Each member's member.recorded, in the order of the file's rows (the header and explanation are rows 1 and 2).
    const recorded: { row_number: number; name: string }[] = await db().query(
      `SELECT r.row_number, m.name FROM outbox o JOIN member_import_row r ON r.member_id::text = o.aggregate_id JOIN member m ON m.id = r.member_id
        WHERE r.import_id = $1 AND o.type = 'member.recorded' ORDER BY o.seq`,
      [answer.data!.importId],
    );
    expect(recorded).toEqual(names.map((name, i) => ({ row_number: 3 + i, name })));
  });

  it('leaves nothing written when a later slice fails after earlier slices went in', async () => {
    // The database refuses the fifth row (third slice) as a concurrent createMember of its ID number would
    // (member_id_number_key); sequences, which no rollback undoes, count the rows and statements that reached it.
    await db().query(`
      CREATE SEQUENCE test_slice_rows; CREATE SEQUENCE test_slice_statements;
      CREATE FUNCTION test_slice_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM nextval('test_slice_rows');
        IF NEW.name = '失败五' THEN
          RAISE unique_violation USING CONSTRAINT = 'member_id_number_key', MESSAGE = 'duplicate key value violates unique constraint "member_id_number_key"';
        END IF;
        RETURN NEW;
      END $$;
      CREATE FUNCTION test_slice_statement() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM nextval('test_slice_statements'); RETURN NULL; END $$;
      CREATE TRIGGER test_slice_row BEFORE INSERT ON member FOR EACH ROW EXECUTE FUNCTION test_slice_row();
      CREATE TRIGGER test_slice_statement BEFORE INSERT ON member FOR EACH STATEMENT EXECUTE FUNCTION test_slice_statement();`);
    try {
      const before = await counts();
      const file = await filledTemplate(templateFile, rows(['失败一', '失败二', '失败三', '失败四', '失败五']));
      const dry = await upload<ImportReport>(federation, 'members', file, { dryRun: true });
      expect(dry.data).toMatchObject({ errorCount: 0, rowCount: 5 });
      const answer = await upload<ImportReport>(federation, 'members', file);
      expect([answer.status, answer.errors?.[0].extensions.code]).toEqual([409, 'CONFLICT']);
      const [{ rows: rowsReached, statements }] = await db().query(
        `SELECT (SELECT last_value FROM test_slice_rows)::int AS rows, (SELECT last_value FROM test_slice_statements)::int AS statements`,
      );
      expect({ rowsReached, statements }).toEqual({ rowsReached: 5, statements: 3 });
      expect(await counts()).toEqual(before);
      const names: unknown[] = await db().query(`SELECT 1 FROM member WHERE name LIKE '失败%'`);
      expect(names).toEqual([]);
    } finally {
      await db().query(`
        DROP TRIGGER test_slice_row ON member; DROP TRIGGER test_slice_statement ON member;
        DROP FUNCTION test_slice_row(); DROP FUNCTION test_slice_statement();
        DROP SEQUENCE test_slice_rows; DROP SEQUENCE test_slice_statements;`);
    }
  });
});
