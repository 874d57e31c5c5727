// bundle export / import / key / sent / log: the sync bundle from the command line, through
// the same service operations as the app (service/bundle.ts). Files are read and written here.
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MAX_BUNDLE_BYTES } from '../../core/bundle';
import { translator } from '../../core/i18n';
import { readFileHead } from '../../db/files';
import { parse, UsageError, type Command } from '../args';
import { writeOutput } from '../output';
import { withService } from '../service';



const isDir = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

export const bundleExportCommand: Command = {
  name: 'bundle export',
  usage: 'thongke bundle export <db> --unit CODE --period YYYY-MM[..YYYY-MM] --out FILE|FOLDER [--json]',
  summaryVi: 'Tạo gói số liệu (.tkb, đã ký số) của một đơn vị cho một hoặc nhiều tháng để gửi lên cấp trên (USB, email).',
  summaryEn: 'Make the signed sync bundle (.tkb) of a unit for one or several months, to send up (USB stick, email).',
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { unit: { type: 'string' }, period: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } },
      { min: 1, max: 1, usage: this.usage },
    );
    const { unit, period, out } = values;
    if (!unit || !period || !out) throw new UsageError(this.usage);
    const [from, to, extra] = period.split('..');
    if (extra !== undefined || !from) throw new UsageError(this.usage);
    const db = positionals[0]!;
    const r = await withService(db, io, (s) => s.call('bundle.export', { unit, from, ...(to ? { to } : {}), lang: io.lang }));
    // A folder (the USB stick) gets the suggested name.
    const file = isDir(out) ? join(out, r.fileName) : out;
    writeOutput(resolve(db), file, r.bytes);
    for (const w of r.warnings) io.err(w.message);
    if (values.json) {
      io.out(JSON.stringify({ file, fileName: r.fileName, size: r.bytes.length, unit: r.unit, periods: r.periods, revisions: r.revisions, fingerprint: r.fingerprint, warnings: r.warnings }));
    } else {
      const t = translator(io.lang);
      io.out(
        t('bundle.cli.exported', {
          file, size: Math.max(1, Math.round(r.bytes.length / 1024)), unit: r.unit, periods: r.periods.join(', '),
          revisions: Object.values(r.revisions).join(', '), fingerprint: r.fingerprint,
        }),
      );
    }
    return 0;
  },
};

export const bundleImportCommand: Command = {
  name: 'bundle import',
  usage: 'thongke bundle import <db> FILE... [--dry-run] [--trust] [--json]',
  summaryVi:
    'Nhận gói số liệu của đơn vị trực thuộc: kiểm tra chữ ký, khoá tin cậy (--trust để xác nhận mã khoá), phiên bản; --dry-run chỉ xem trước. Mỗi tệp nhận trọn vẹn hoặc không nhận gì; mã thoát 1 khi có tệp bị từ chối.',
  summaryEn:
    'Import bundles from units below: checks the signature, the trusted key (--trust confirms a fingerprint) and the revision; --dry-run only previews. Each file lands whole or not at all; exit code 1 when a file is refused.',
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { 'dry-run': { type: 'boolean' }, trust: { type: 'boolean' }, json: { type: 'boolean' } },
      { min: 2, max: 501, usage: this.usage },
    );
    const [db, ...paths] = positionals as [string, ...string[]];
    const files = paths.map((p) => readFileHead(p, MAX_BUNDLE_BYTES));
    const r = await withService(db, io, (s) => s.call('bundle.import', { files, dryRun: values['dry-run'] ?? false, trust: values.trust ?? false, lang: io.lang }),
    );
    if (values.json) io.out(JSON.stringify(r.files));
    else {
      for (const f of r.files) {
        (f.status === 'refused' ? io.err : io.out)(f.message);
        for (const w of f.warnings) io.out(`  ${w.message}`);
        for (const c of f.conflicts) io.out(`  ${c.value} ${c.object}: ${c.reason}`);
      }
    }
    return r.files.some((f) => f.status === 'refused') ? 1 : 0;
  },
};

export const bundleKeyCommand: Command = {
  name: 'bundle key',
  usage: 'thongke bundle key <db> [--json]',
  summaryVi: 'Hiện mã khoá ký của máy này (để đơn vị nhận đối chiếu qua điện thoại); tạo khoá nếu chưa có.',
  summaryEn: "Show this installation's signing key fingerprint (for the receiver to compare by phone); makes the key if needed.",
  async run(argv, io) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' } }, { min: 1, max: 1, usage: this.usage });
    const r = await withService(positionals[0]!, io, (s) => s.call('bundle.key', {}));
    io.out(values.json ? JSON.stringify(r) : translator(io.lang)('bundle.cli.key', { ...r }));
    return 0;
  },
};

export const bundleSentCommand: Command = {
  name: 'bundle sent',
  usage: 'thongke bundle sent <db> [--json]',
  summaryVi: 'Liệt kê các gói đã gửi (tháng, phiên bản, thời điểm, tên tệp).',
  summaryEn: 'List the bundles sent (month, revision, when, file name).',
  async run(argv, io) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' } }, { min: 1, max: 1, usage: this.usage });
    const rows = await withService(positionals[0]!, io, (s) => s.call('bundle.sent', {}));
    if (values.json) io.out(JSON.stringify(rows));
    else if (rows.length === 0) io.out(translator(io.lang)('bundle.cli.noneSent'));
    else for (const s of rows) io.out(`${s.sentAt}\t${s.unit}\t${s.period}\tr${s.revision}\t${s.fileName}`);
    return 0;
  },
};

export const bundleLogCommand: Command = {
  name: 'bundle log',
  usage: 'thongke bundle log <db> [--json]',
  summaryVi: 'Nhật ký nhận gói: mọi lần nhận, được chấp nhận hay bị từ chối (mã băm tệp, đơn vị, tháng, phiên bản, mã khoá, người nhận, thời điểm, kết quả).',
  summaryEn: 'The import log: every import, accepted or refused (file hash, unit, months, revision, fingerprint, who, when, result).',
  async run(argv, io) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' } }, { min: 1, max: 1, usage: this.usage });
    const rows = await withService(positionals[0]!, io, (s) => s.call('bundle.log', {}));
    if (values.json) io.out(JSON.stringify(rows));
    else if (rows.length === 0) io.out(translator(io.lang)('bundle.cli.noneLogged'));
    else {
      for (const e of rows) {
        const revs = Object.values(e.revisions).map((r) => `r${r}`).join(',');
        io.out(`${e.at}\t${e.result}\t${e.unit || '-'}\t${e.periods.join(',') || '-'}\t${revs || '-'}\t${e.fileName}\t${e.by}${e.reason ? `\t${e.reason}` : ''}`);
      }
    }
    return 0;
  },
};
