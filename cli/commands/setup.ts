// init, units, catalogue: creating a database and reading its tree and catalogue.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../../core/errors';
import { translator, userMessage } from '../../core/i18n';
import { parse, UsageError, type Command } from '../args';
import { withNewDatabase, withService } from '../service';

export const initCommand: Command = {
  name: 'init',
  usage: 'thongke init <db> [--demo [--reform-2025] | --unit CODE --name NAME --level province|district]',
  summaryVi:
    'Tạo cơ sở dữ liệu mới (--demo: kèm dữ liệu mẫu huyện Hoằng Hóa, 2023–2024, thêm --reform-2025: cả năm 2025 với việc sáp nhập xã từ tháng 7/2025; --unit/--name/--level: cơ sở dữ liệu trống của một tỉnh hoặc huyện, nhận các đơn vị trực thuộc từ gói số liệu đầu tiên của họ).',
  summaryEn:
    'Create a new database (--demo: with the Hoằng Hóa demo district, 2023–2024, and with --reform-2025 also 2025 with the July 2025 merger of its communes; --unit/--name/--level: an empty province or district database that learns the units below it from their first bundles).',
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { demo: { type: 'boolean' }, 'reform-2025': { type: 'boolean' }, unit: { type: 'string' }, name: { type: 'string' }, level: { type: 'string' } },
      { min: 1, max: 1, usage: this.usage },
    );
    const own = values.unit !== undefined || values.name !== undefined || values.level !== undefined;
    if (own && (values.demo || !values.unit || !values.name || !values.level)) throw new UsageError(this.usage);
    if (own && values.level !== 'province' && values.level !== 'district') throw new UsageError(this.usage);
    if (values['reform-2025'] && !values.demo) throw new UsageError(this.usage);
    const file = resolve(positionals[0]!);
    if (existsSync(file) && statSync(file).size > 0) throw new UserError('error.databaseExists', { file: positionals[0]! });
    // Into a temporary file, renamed when complete: a kill leaves no half-made database.
    await withNewDatabase(file, io, async (s) => {
      await s.call('database.init', {
        demo: values.demo === true,
        ...(values['reform-2025'] ? { reform2025: true } : {}),
        ...(own ? { own: { unit: values.unit!, name: values.name!, level: values.level as 'province' | 'district' } } : {}),
      });
    });
    if (own) io.out(translator(io.lang)('bundle.cli.initUnit', { file: positionals[0]!, name: values.name!, code: values.unit! }));
    else io.out(userMessage({ key: values.demo ? 'cli.createdDemo' : 'cli.created', params: { file: positionals[0]! } }, io.lang));
    return 0;
  },
};

export const unitsCommand: Command = {
  name: 'units',
  usage: 'thongke units <db> [--json]',
  summaryVi: 'Liệt kê các đơn vị (tỉnh, huyện hoặc trung tâm y tế khu vực, xã, cơ sở hoặc điểm trạm), với tháng bắt đầu và tháng giải thể.',
  summaryEn: 'List the org units (province, district or regional centre, commune, facility or sub-site), with the months they start and stop.',
  async run(argv, io) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' } }, { min: 1, max: 1, usage: this.usage });
    const [units, levels] = await withService(
      positionals[0]!,
      io,
      async (s) => [await s.call('units.list', {}), await s.call('units.levelNames', {})] as const,
    );
    if (values.json) {
      io.out(JSON.stringify(units));
    } else {
      // The level as this province names it (setting units.levelNames), and the months a unit reports.
      const t = translator(io.lang);
      const m = (x: string) => `${Number(x.slice(5))}/${x.slice(0, 4)}`;
      for (const u of units) {
        const span = [u.openedFrom ? t('units.cli.openedFrom', { month: m(u.openedFrom) }) : '', u.closedFrom ? t('units.cli.closedFrom', { month: m(u.closedFrom) }) : '']
          .filter((x) => x !== '')
          .join(', ');
        io.out(`${u.code}\t${levels[u.level]}\t${u.parent ?? '-'}\t${u.name}${span ? `\t${span}` : ''}`);
      }
    }
    return 0;
  },
};

export const catalogueCommand: Command = {
  name: 'catalogue',
  usage: 'thongke catalogue <db> [--json]',
  summaryVi: 'Liệt kê danh mục chỉ tiêu theo chương trình.',
  summaryEn: 'List the catalogue of data elements by programme.',
  async run(argv, io) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' } }, { min: 1, max: 1, usage: this.usage });
    const cat = await withService(positionals[0]!, io, (s) => s.call('catalogue.get', {}));
    if (values.json) io.out(JSON.stringify(cat));
    else for (const r of cat.elements) io.out(`${r.code}\t${r.programme}\t${r.kind}\t${r.entryLevel}\t${io.lang === 'vi' ? r.nameVi : r.nameEn}`);
    return 0;
  },
};
