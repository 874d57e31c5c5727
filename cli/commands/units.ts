// units add | rename | move | close | merge | history: the org-unit tree as users change it
// (issue 13). Each runs one operation of the units area; a refusal is one sentence on stderr
// (exit 1) and leaves the database as it was.
import { translator } from '../../core/i18n';
import { levelParams } from '../../core/levels';
import { ORG_UNIT_LEVELS, type OrgUnitLevel } from '../../core/orgunit';
import { isMonth } from '../../core/period';
import { parse, UsageError, type Command } from '../args';
import { withService } from '../service';

const shown = (m: string) => `${Number(m.slice(5))}/${m.slice(0, 4)}`;

/** `--from YYYY-MM`, required and checked here: a usage error, not a user error. */
function fromMonth(v: string | undefined, usage: string): string {
  if (v === undefined || !isMonth(v)) throw new UsageError(usage);
  return v;
}

export const unitsAddCommand: Command = {
  name: 'units add',
  usage: 'thongke units add <db> --name NAME --level province|district|commune|facility --parent CODE [--code CODE] [--from YYYY-MM] [--user NAME]',
  summaryVi: 'Thêm một đơn vị (mã tự tạo từ tên nếu không cho; --from: tháng bắt đầu báo cáo).',
  summaryEn: 'Add a unit (code made from the name unless given; --from: its first reporting month).',
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { name: { type: 'string' }, level: { type: 'string' }, parent: { type: 'string' }, code: { type: 'string' }, from: { type: 'string' }, user: { type: 'string' } },
      { min: 1, max: 1, usage: this.usage },
    );
    if (!values.name || !values.level || !(ORG_UNIT_LEVELS as readonly string[]).includes(values.level)) throw new UsageError(this.usage);
    if (values.level !== 'province' && !values.parent) throw new UsageError(this.usage);
    if (values.from !== undefined) fromMonth(values.from, this.usage);
    const u = await withService(
      positionals[0]!,
      io,
      (s) =>
        s.call('units.add', {
          name: values.name!,
          level: values.level as OrgUnitLevel,
          parent: values.parent ?? null,
          ...(values.code ? { code: values.code } : {}),
          ...(values.from ? { from: values.from } : {}),
        }),
      { user: values.user },
    );
    io.out(translator(io.lang)('units.cli.added', { name: u.name, code: u.code }));
    return 0;
  },
};

export const unitsRenameCommand: Command = {
  name: 'units rename',
  usage: 'thongke units rename <db> CODE --name NAME --from YYYY-MM [--user NAME]',
  summaryVi: 'Đổi tên đơn vị từ một tháng; báo cáo các kỳ trước vẫn in tên cũ.',
  summaryEn: 'Rename a unit from a month; reports of earlier periods keep the old name.',
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { name: { type: 'string' }, from: { type: 'string' }, user: { type: 'string' } },
      { min: 2, max: 2, usage: this.usage },
    );
    if (!values.name) throw new UsageError(this.usage);
    const from = fromMonth(values.from, this.usage);
    const u = await withService(positionals[0]!, io, (s) => s.call('units.rename', { unit: positionals[1]!, name: values.name!, from }), {
      user: values.user,
    });
    io.out(translator(io.lang)('units.cli.renamed', { code: u.code, name: u.name, from: shown(from) }));
    return 0;
  },
};

export const unitsMoveCommand: Command = {
  name: 'units move',
  usage: 'thongke units move <db> CODE --parent CODE --from YYYY-MM [--user NAME]',
  summaryVi: 'Chuyển đơn vị về một đơn vị cấp trên khác từ một tháng.',
  summaryEn: 'Move a unit under another parent from a month.',
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { parent: { type: 'string' }, from: { type: 'string' }, user: { type: 'string' } },
      { min: 2, max: 2, usage: this.usage },
    );
    if (!values.parent) throw new UsageError(this.usage);
    const from = fromMonth(values.from, this.usage);
    const [u, units] = await withService(
      positionals[0]!,
      io,
      async (s) => [await s.call('units.move', { unit: positionals[1]!, parent: values.parent!, from }), await s.call('units.list', {})] as const,
      { user: values.user },
    );
    const parent = units.find((p) => p.code === u.parent)?.name ?? values.parent;
    io.out(translator(io.lang)('units.cli.moved', { name: u.name, parent, from: shown(from) }));
    return 0;
  },
};

export const unitsCloseCommand: Command = {
  name: 'units close',
  usage: 'thongke units close <db> CODE --from YYYY-MM [--user NAME]',
  summaryVi: 'Giải thể đơn vị từ một tháng (từ chối nếu còn số liệu từ tháng đó).',
  summaryEn: 'Close a unit from a month (refused while it has data from that month on).',
  async run(argv, io) {
    const { values, positionals } = parse(argv, { from: { type: 'string' }, user: { type: 'string' } }, { min: 2, max: 2, usage: this.usage });
    const from = fromMonth(values.from, this.usage);
    const u = await withService(positionals[0]!, io, (s) => s.call('units.close', { unit: positionals[1]!, from }), { user: values.user });
    io.out(translator(io.lang)('units.cli.closed', { name: u.name, from: shown(from) }));
    return 0;
  },
};

export const unitsMergeCommand: Command = {
  name: 'units merge',
  usage: 'thongke units merge <db> CODE... --into CODE [--name NAME] [--parent CODE] --from YYYY-MM [--keep-sites] [--user NAME]',
  summaryVi:
    'Sáp nhập các đơn vị vào một đơn vị có sẵn hoặc mới (--name) từ một tháng; số liệu cũ giữ nguyên; --keep-sites: giữ trạm cũ làm điểm trạm.',
  summaryEn:
    'Merge units into an existing or a new unit (--name) from a month; their data stay; --keep-sites: keep the former stations as sub-sites.',
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      {
        into: { type: 'string' },
        name: { type: 'string' },
        parent: { type: 'string' },
        from: { type: 'string' },
        'keep-sites': { type: 'boolean' },
        user: { type: 'string' },
      },
      { min: 2, max: 101, usage: this.usage },
    );
    if (!values.into) throw new UsageError(this.usage);
    const from = fromMonth(values.from, this.usage);
    const [r, levels] = await withService(
      positionals[0]!,
      io,
      async (s) =>
        [
          await s.call('units.merge', {
            units: positionals.slice(1),
            into: values.into!,
            from,
            ...(values.name !== undefined ? { name: values.name } : {}),
            ...(values.parent !== undefined ? { parent: values.parent } : {}),
            ...(values['keep-sites'] ? { keepSites: true } : {}),
          }),
          await s.call('units.levelNames', {}),
        ] as const,
      { user: values.user },
    );
    const t = translator(io.lang);
    io.out(t('units.cli.merged', { count: r.merged.length, name: r.into.name, code: r.into.code, from: shown(from) }));
    if (r.sites.length > 0) io.out(t('units.cli.sites', { sites: r.sites.join(', '), ...levelParams(levels, io.lang) }));
    return 0;
  },
};

export const unitsHistoryCommand: Command = {
  name: 'units history',
  usage: 'thongke units history <db> [CODE] [--json]',
  summaryVi: 'Lịch sử thay đổi đơn vị (thành lập, đổi tên, chuyển, sáp nhập, giải thể): ai, khi nào, từ tháng nào.',
  summaryEn: 'History of unit changes (created, renamed, moved, merged, closed): who, when, from which month.',
  async run(argv, io) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' } }, { min: 1, max: 2, usage: this.usage });
    const [rows, units, levels] = await withService(
      positionals[0]!,
      io,
      async (s) =>
        [await s.call('units.history', positionals[1] ? { unit: positionals[1] } : {}), await s.call('units.list', {}), await s.call('units.levelNames', {})] as const,
    );
    if (values.json) {
      io.out(JSON.stringify(rows));
      return 0;
    }
    const t = translator(io.lang);
    const nameOf = (c: string | null) => (c === null ? '-' : (units.find((u) => u.code === c)?.name ?? c));
    if (rows.length === 0) io.out(t('units.cli.noHistory'));
    for (const h of rows) {
      const detail =
        h.change === 'rename'
          ? `${h.oldValue ?? ''} → ${h.newValue ?? ''}`
          : h.change === 'move' || h.change === 'merge'
            ? `${h.change === 'move' ? nameOf(h.oldValue) : nameOf(h.unit)} → ${nameOf(h.newValue)}`
            : h.change === 'site'
              ? `${nameOf(h.note)} → ${h.newValue ?? ''}`
              : h.change === 'add'
                ? `${h.newValue ?? ''}${h.note ? ` (${nameOf(h.note)})` : ''}`
                : nameOf(h.unit);
      io.out(
        t('units.cli.historyLine', {
          at: h.changedAt.slice(0, 16).replace('T', ' '),
          unit: h.unit,
          change: t(`units.change.${h.change}`, levelParams(levels, io.lang)),
          detail,
          from: h.from ? shown(h.from) : '-',
          by: h.changedBy,
        }),
      );
    }
    return 0;
  },
};

export const unitsLevelsCommand: Command = {
  name: 'units levels',
  usage: 'thongke units levels <db> [--set "NAME;NAME;NAME;NAME"] [--json]',
  summaryVi:
    'Tên các cấp đơn vị của tỉnh (từ cấp tỉnh xuống cơ sở); --set đặt tên mới, bốn tên cách nhau bằng dấu chấm phẩy, ví dụ "Tỉnh;Trung tâm Y tế khu vực;Xã;Điểm trạm".',
  summaryEn: 'What the province calls its levels (province down to facility); --set names them: four names separated by semicolons, e.g. "Tỉnh;Trung tâm Y tế khu vực;Xã;Điểm trạm".',
  async run(argv, io) {
    const { values, positionals } = parse(argv, { set: { type: 'string' }, json: { type: 'boolean' } }, { min: 1, max: 1, usage: this.usage });
    let value: Record<OrgUnitLevel, string> | null = null;
    if (values.set !== undefined) {
      const names = values.set.split(';').map((s) => s.trim().replace(/\s+/g, ' '));
      if (names.length !== ORG_UNIT_LEVELS.length || names.some((n) => n === '')) throw new UsageError(this.usage);
      value = Object.fromEntries(ORG_UNIT_LEVELS.map((l, i) => [l, names[i]!])) as Record<OrgUnitLevel, string>;
    }
    const names = await withService(positionals[0]!, io, async (s) => {
      if (value) await s.call('settings.set', { key: 'units.levelNames', value });
      return s.call('units.levelNames', {});
    });
    if (values.json) io.out(JSON.stringify(names));
    else for (const l of ORG_UNIT_LEVELS) io.out(`${l}\t${names[l]}`);
    return 0;
  },
};
