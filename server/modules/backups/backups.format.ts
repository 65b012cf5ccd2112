/**
 * The backup file: one gzip stream of lines, written and read as a stream, so that neither
 * side holds the database in memory.
 *
 *   @{"format":"zerodistance-backup","formatVersion":1,"schemaVersion":…,"migrations":[…],…}   the header
 *   @{"table":"units","columns":[…]}                                                        a table begins
 *   {"id":1,"code":"VN",…}                                                                    one row each, as PostgreSQL wrote it
 *   @{"end":"units","rows":123,"sha256":"…"}                                                  the table ends
 *   @{"sequences":[{"name":"units_id_seq","lastValue":123,"isCalled":true},…]}
 *   @{"manifest":{…},"sha256":"…"}                                                            last: counts, checksums, audit heads
 *
 * Control lines start with '@', rows with '{'. Each table's checksum is the SHA-256 of its row
 * lines (each with its '\n'); the manifest's own checksum covers every line before it, so a
 * damaged header, a damaged sequence line or a cut-off file are told apart from a damaged table.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

export const backupFormat = 'zerodistance-backup';
export const backupFormatVersion = 1;

export interface BackupHeader {
  format: typeof backupFormat;
  formatVersion: number;
  createdAt: string;
  /** The backend it was taken from. */
  backend: string;
  /** The last migration applied to the database backed up. */
  schemaVersion: string;
  /** Every migration applied to it, in order. */
  migrations: string[];
}

interface TableSummary {
  rows: number;
  sha256: string;
}

export interface SequenceState {
  name: string;
  lastValue: number;
  isCalled: boolean;
}

export interface AuditHeads {
  events: number;
  /** How many chains (subjects) the trail has. */
  chains: number;
  /** SHA-256 over every chain's last event (id, subject, seq, hash), in event id order. */
  headsSha256: string;
  latestCheckpoint: { id: number; hash: string } | null;
}

export interface BackupManifest {
  formatVersion: number;
  createdAt: string;
  schemaVersion: string;
  tables: Record<string, TableSummary>;
  sequences: number;
  attachments: { count: number; bytes: number };
  audit: AuditHeads;
}

const sha256 = () => crypto.createHash('sha256');

/** Writes a backup file: aside under a temporary name, renamed into place by finish(). */
export class BackupWriter {
  private readonly gzip = zlib.createGzip({ level: 6 });
  private readonly out: fs.WriteStream;
  private readonly temp: string;
  private readonly whole = sha256();
  private table: { name: string; rows: number; hash: crypto.Hash } | undefined;
  readonly tables: Record<string, TableSummary> = {};
  bytes = 0;

  constructor(readonly file: string) {
    this.temp = `${file}.${process.pid}.partial`;
    this.out = fs.createWriteStream(this.temp, { mode: 0o600 });
    this.gzip.pipe(this.out);
  }

  private async line(text: string, checked = true): Promise<void> {
    const line = `${text}\n`;
    if (checked) this.whole.update(line);
    this.bytes += line.length;
    if (!this.gzip.write(line)) await once(this.gzip, 'drain');
  }

  private control(value: unknown): Promise<void> {
    return this.line(`@${JSON.stringify(value)}`);
  }

  header(header: BackupHeader): Promise<void> {
    return this.control(header);
  }

  beginTable(name: string, columns: string[]): Promise<void> {
    this.table = { name, rows: 0, hash: sha256() };
    return this.control({ table: name, columns });
  }

  /** One row: the JSON object text PostgreSQL produced. */
  async row(json: string): Promise<void> {
    const t = this.table!;
    t.rows++;
    t.hash.update(`${json}\n`);
    await this.line(json);
  }

  async endTable(): Promise<TableSummary> {
    const t = this.table!;
    const summary = { rows: t.rows, sha256: t.hash.digest('hex') };
    this.tables[t.name] = summary;
    this.table = undefined;
    await this.control({ end: t.name, ...summary });
    return summary;
  }

  sequences(states: SequenceState[]): Promise<void> {
    return this.control({ sequences: states });
  }

  /** Writes the manifest, closes the file and gives it its name. */
  async finish(manifest: BackupManifest): Promise<void> {
    const hash = this.whole.digest('hex');
    await this.line(`@${JSON.stringify({ manifest, sha256: hash })}`, false);
    this.gzip.end();
    await finished(this.out);
    fs.renameSync(this.temp, this.file);
  }

  /** After a failure: nothing is left under either name. */
  async abort(): Promise<void> {
    this.gzip.destroy();
    this.out.destroy();
    fs.rmSync(this.temp, { force: true });
  }
}

/** Why a backup file is refused; `part` names what is damaged when it is known. */
export class BackupFileError extends Error {
  constructor(
    message: string,
    readonly part?: string,
  ) {
    super(message);
    this.name = 'BackupFileError';
  }
}

type BackupRecord =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'table'; name: string; columns: string[] }
  | { kind: 'rows'; table: string; rows: string[] }
  | { kind: 'end'; table: string; summary: TableSummary }
  | { kind: 'sequences'; sequences: SequenceState[] }
  | { kind: 'manifest'; manifest: BackupManifest };

interface ReadOptions {
  /** Rows handed over at most per 'rows' record (default 500). */
  batchRows?: number;
  /** … or fewer, once their text reaches this many characters (default 8 MB). */
  batchChars?: number;
}

function parseControl<T>(line: string, where: string): T {
  try {
    return JSON.parse(line.slice(1)) as T;
  } catch {
    throw new BackupFileError(`the backup file is damaged: a line of ${where} cannot be read`, where);
  }
}

/**
 * Reads a backup file, checking as it goes: each table's rows against the checksum and count
 * written after them, and everything against the manifest's checksum at the end. Throws
 * BackupFileError naming the damaged part; the caller must not trust a record before the
 * whole file was read without error (restore reads it twice: once to check, once to load).
 */
export async function* readBackup(file: string, opts: ReadOptions = {}): AsyncGenerator<BackupRecord> {
  const batchRows = opts.batchRows ?? 500;
  const batchChars = opts.batchChars ?? 8 * 1024 * 1024;
  if (!fs.existsSync(file)) throw new BackupFileError(`no file ${file}`);
  const gunzip = zlib.createGunzip();
  const input = fs.createReadStream(file);
  input.pipe(gunzip);
  let streamError: Error | undefined;
  const lines = readline.createInterface({ input: gunzip, crlfDelay: Infinity });
  // A damaged or cut-off gzip stream ends the lines; the error is reported after them.
  const onError = (e: Error) => {
    streamError ??= e;
    lines.close();
  };
  input.on('error', onError);
  gunzip.on('error', onError);
  const whole = sha256();
  let header: BackupHeader | undefined;
  let table: { name: string; rows: number; hash: crypto.Hash; batch: string[]; chars: number } | undefined;
  let manifest: BackupManifest | undefined;
  const tables: Record<string, TableSummary> = {};
  try {
    for await (const line of lines) {
      if (manifest) throw new BackupFileError('the backup file is damaged: there is more after its manifest', 'manifest');
      if (line.startsWith('{')) {
        if (!table) throw new BackupFileError('the backup file is damaged: a row outside any table', header ? 'rows' : 'header');
        whole.update(`${line}\n`);
        table.rows++;
        table.hash.update(`${line}\n`);
        table.batch.push(line);
        table.chars += line.length;
        if (table.batch.length >= batchRows || table.chars >= batchChars) {
          yield { kind: 'rows', table: table.name, rows: table.batch };
          table.batch = [];
          table.chars = 0;
        }
        continue;
      }
      if (!line.startsWith('@')) {
        throw new BackupFileError(`the backup file is damaged${table ? ` in table ${table.name}` : ''}: a line is neither a row nor a record`, table?.name ?? 'header');
      }
      if (!header) {
        const h = parseControl<BackupHeader>(line, 'the header');
        if (h.format !== backupFormat) throw new BackupFileError('this is not a Zero Distance backup file', 'header');
        if (!(h.formatVersion <= backupFormatVersion)) {
          throw new BackupFileError(`the backup file has format version ${h.formatVersion}; this version reads up to ${backupFormatVersion}: restore it with a newer version`, 'header');
        }
        header = h;
        whole.update(`${line}\n`);
        yield { kind: 'header', header: h };
        continue;
      }
      const record = parseControl<Record<string, unknown>>(line, table ? `table ${table.name}` : 'the records');
      if ('manifest' in record) {
        if (table) throw new BackupFileError(`the backup file is damaged: table ${table.name} has no end`, table.name);
        const expected = whole.digest('hex');
        if (record.sha256 !== expected) {
          throw new BackupFileError('the backup file is damaged: its checksum does not match (the header or the sequences were changed)', 'header');
        }
        manifest = record.manifest as BackupManifest;
        for (const [name, summary] of Object.entries(tables)) {
          const listed = manifest.tables[name];
          if (!listed || listed.rows !== summary.rows || listed.sha256 !== summary.sha256) {
            throw new BackupFileError(`the backup file is damaged: table ${name} does not match the manifest`, name);
          }
        }
        const missing = Object.keys(manifest.tables).filter((name) => !(name in tables));
        if (missing.length) throw new BackupFileError(`the backup file is damaged: table ${missing[0]} is missing`, missing[0]);
        continue;
      }
      whole.update(`${line}\n`);
      if ('table' in record) {
        if (table) throw new BackupFileError(`the backup file is damaged: table ${table.name} has no end`, table.name);
        table = { name: String(record.table), rows: 0, hash: sha256(), batch: [], chars: 0 };
        yield { kind: 'table', name: table.name, columns: record.columns as string[] };
      } else if ('end' in record) {
        if (!table || record.end !== table.name) throw new BackupFileError('the backup file is damaged: a table ends that did not begin', String(record.end));
        if (table.batch.length) yield { kind: 'rows', table: table.name, rows: table.batch };
        const summary = { rows: table.rows, sha256: table.hash.digest('hex') };
        if (summary.rows !== record.rows) {
          throw new BackupFileError(`the backup file is damaged: table ${table.name} has ${summary.rows} rows where ${String(record.rows)} were written`, table.name);
        }
        if (summary.sha256 !== record.sha256) {
          throw new BackupFileError(`the backup file is damaged: the rows of table ${table.name} do not match their checksum`, table.name);
        }
        tables[table.name] = summary;
        yield { kind: 'end', table: table.name, summary };
        table = undefined;
      } else if ('sequences' in record) {
        yield { kind: 'sequences', sequences: record.sequences as SequenceState[] };
      } else {
        throw new BackupFileError('the backup file is damaged: a record of an unknown kind', table?.name ?? 'records');
      }
    }
  } catch (e) {
    if (e instanceof BackupFileError) throw e;
    throw damaged(streamError ?? (e as Error), table?.name);
  } finally {
    lines.close();
    input.destroy();
  }
  if (streamError) throw damaged(streamError, table?.name);
  if (!header) throw new BackupFileError('the file is empty or not a Zero Distance backup', 'header');
  if (!manifest) {
    throw new BackupFileError(
      `the backup file is incomplete: it ends${table ? ` inside table ${table.name}` : ''} before its manifest (cut off while it was written or copied)`,
      table?.name ?? 'manifest',
    );
  }
  yield { kind: 'manifest', manifest };
}

function damaged(e: Error, table: string | undefined): BackupFileError {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  if (code.startsWith('Z_') || /incorrect header|unexpected end|invalid/.test(e.message)) {
    return new BackupFileError(`the backup file is damaged${table ? ` in table ${table}` : ''}: it is not a whole gzip stream (${e.message})`, table ?? 'file');
  }
  return new BackupFileError(`the backup file cannot be read: ${e.message}`);
}

/** The name a backup gets when none is given: zerodistance-20261204T203000Z.zdbackup (they sort by time). */
export function backupFileName(at: Date): string {
  return `zerodistance-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.zdbackup`;
}

/** The time in a name backupFileName() gave; undefined for any other name. */
export function backupFileTime(name: string): Date | undefined {
  const m = /^zerodistance-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.zdbackup$/.exec(name);
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) : undefined;
}
