// dhis2 export / dhis2 import: the exchange files of the national DHIS2 (service/dhis2.ts).
import { basename } from 'node:path';
import { formatNumber } from '../../core/format';
import { userMessage } from '../../core/i18n';
import { readTextFile } from '../../db/files';
import { parse, UsageError, type Command, type CommandIO } from '../args';
import { writeOutput } from '../output';
import { withService } from '../service';

function mappingOf(file: string | undefined) {
  return file === undefined ? undefined : { text: readTextFile(file), fileName: basename(file) };
}

const n = (io: CommandIO, x: number) => formatNumber(x, io.lang, 0);

export const dhis2ExportCommand: Command = {
  name: 'dhis2 export',
  usage: 'thongke dhis2 export <db> --unit CODE --period YYYY-MM|YYYY-Qn|YYYY-H1|YYYY --format json|adx --out FILE [--mapping FILE.csv] [--data-set CODE] [--json]',
  summaryVi: 'Xuất số liệu của đơn vị và các đơn vị trực thuộc sang DHIS2: dataValueSet (JSON) hoặc ADX (XML).',
  summaryEn: "Export a unit's and its sub-units' values for DHIS2: a dataValueSet (JSON) or ADX (XML).",
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      {
        unit: { type: 'string' },
        period: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        mapping: { type: 'string' },
        'data-set': { type: 'string' },
        json: { type: 'boolean' },
      },
      { min: 1, max: 1, usage: this.usage },
    );
    const { unit, period, format, out } = values;
    if (!unit || !period || !out || (format !== 'json' && format !== 'adx')) throw new UsageError(this.usage);
    const db = positionals[0]!;
    const mapping = mappingOf(values.mapping);
    const r = await withService(db, io, (s) =>
      s.call('dhis2.export', {
        unit,
        period,
        format,
        ...(values['data-set'] !== undefined ? { dataSet: values['data-set'] } : {}),
        ...(mapping ? { mapping } : {}),
      }),
    );
    writeOutput(db, out, r.text);
    if (r.unmapped.length > 0) {
      io.err(userMessage({ key: 'dhis2.cli.unmappedHead', params: { count: r.unmapped.length } }, io.lang));
      for (const u of r.unmapped) io.err(userMessage({ key: 'dhis2.cli.unmapped', params: { kind: u.kind, code: u.code, values: n(io, u.values) } }, io.lang));
    }
    if (values.json) {
      const { text: _text, ...summary } = r;
      io.out(JSON.stringify({ ...summary, file: out }));
    } else {
      io.out(
        userMessage(
          {
            key: 'dhis2.cli.exported',
            params: { values: n(io, r.values), orgUnits: n(io, r.orgUnits), period: r.periodSpec, dhis2Period: r.period, file: out, format: r.format === 'json' ? 'dataValueSet JSON' : 'ADX', idScheme: r.idScheme },
          },
          io.lang,
        ),
      );
    }
    return 0;
  },
};

export const dhis2ImportCommand: Command = {
  name: 'dhis2 import',
  usage: 'thongke dhis2 import <db> <file.json> [--mapping FILE.csv] [--dry-run] [--user NAME] [--json]',
  summaryVi: 'Nhập một dataValueSet (JSON) của DHIS2; lỗi một giá trị thì không nhập giá trị nào. --dry-run: chỉ kiểm tra.',
  summaryEn: 'Import a DHIS2 dataValueSet (JSON); one bad value rejects the whole file. --dry-run: check only.',
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { mapping: { type: 'string' }, 'dry-run': { type: 'boolean' }, user: { type: 'string' }, json: { type: 'boolean' } },
      { min: 2, max: 2, usage: this.usage },
    );
    const [db, file] = positionals as [string, string];
    const text = readTextFile(file);
    const mapping = mappingOf(values.mapping);
    const r = await withService(
      db,
      io,
      (s) => s.call('dhis2.import', { text, fileName: basename(file), dryRun: values['dry-run'] === true, ...(mapping ? { mapping } : {}) }),
      { user: values.user },
    );
    if (values.json) io.out(JSON.stringify(r));
    else {
      const params = { file: basename(file), imported: n(io, r.imported), updated: n(io, r.updated), cleared: n(io, r.cleared), unchanged: n(io, r.unchanged) };
      io.out(userMessage({ key: r.dryRun ? 'dhis2.cli.dryRun' : 'dhis2.cli.imported', params }, io.lang));
    }
    return 0;
  },
};
