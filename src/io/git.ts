/**
 * The commit of the checkout the tool runs from, read from the files of `.git` itself rather than by
 * spawning `git` (two child processes cost more than a short run): HEAD, loose refs, packed-refs, and
 * a worktree's `.git` file pointing at its git folder. "Dirty" means what `git status --porcelain
 * --untracked-files=no` reports: a tracked file that differs from the index (size, mode or time
 * first, its content hash when those differ or are too recent to trust, as git does), or an index
 * that differs from HEAD (the root tree its entries describe against HEAD's tree). Layouts from git's documentation
 * (gitrepository-layout(5), gitformat-index(5), gitformat-pack(5)).
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { inflateSync, constants as zlibConstants } from 'zlib';

/** Where a checkout keeps its state: its own git folder (HEAD, index) and the shared one (refs, objects). */
interface GitDirs {
  gitDir: string;
  commonDir: string;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The git folders of the checkout whose top is `root` (a `.git` folder, or a worktree's `.git` file). */
function gitDirs(root: string): GitDirs | undefined {
  const dotGit = path.join(root, '.git');
  let gitDir: string;
  try {
    if (fs.statSync(dotGit).isDirectory()) gitDir = dotGit;
    else {
      const m = /^gitdir:\s*(.+?)\s*$/m.exec(fs.readFileSync(dotGit, 'utf8'));
      if (!m) return undefined;
      gitDir = path.resolve(root, m[1]);
    }
  } catch {
    return undefined;
  }
  const common = readText(path.join(gitDir, 'commondir'));
  return { gitDir, commonDir: common ? path.resolve(gitDir, common.trim()) : gitDir };
}

const OBJECT_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** The object id a ref names: a loose ref file (per worktree, then shared), else packed-refs. */
function resolveRef(dirs: GitDirs, ref: string, depth = 0): string | undefined {
  if (depth > 5) return undefined;
  for (const dir of [dirs.gitDir, dirs.commonDir]) {
    const text = readText(path.join(dir, ref))?.trim();
    if (text === undefined) continue;
    if (text.startsWith('ref: ')) return resolveRef(dirs, text.slice(5).trim(), depth + 1);
    if (OBJECT_ID.test(text)) return text;
  }
  for (const line of (readText(path.join(dirs.commonDir, 'packed-refs')) ?? '').split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0 && line.slice(space + 1).trim() === ref && OBJECT_ID.test(line.slice(0, space))) return line.slice(0, space);
  }
  return undefined;
}

/** The commit HEAD points at, or undefined when it cannot be read (unborn branch, broken folder). */
function headCommit(dirs: GitDirs): string | undefined {
  const head = readText(path.join(dirs.gitDir, 'HEAD'))?.trim();
  if (!head) return undefined;
  if (head.startsWith('ref: ')) return resolveRef(dirs, head.slice(5).trim());
  return OBJECT_ID.test(head) ? head : undefined;
}

/** Inflates a zlib stream that may be followed by other bytes (as in a pack) or cut short. */
function inflate(compressed: Buffer): Buffer {
  return inflateSync(compressed, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
}

/** Object folders: the repository's own, then those it borrows from (objects/info/alternates). */
function objectDirs(dirs: GitDirs): string[] {
  const own = path.join(dirs.commonDir, 'objects');
  const alternates = (readText(path.join(own, 'info', 'alternates')) ?? '').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  return [own, ...alternates.map((l) => path.resolve(own, l.trim()))];
}

/** A loose object's content, or undefined. */
function looseObject(objects: string, id: string): Buffer | undefined {
  try {
    const raw = inflate(fs.readFileSync(path.join(objects, id.slice(0, 2), id.slice(2))));
    return raw.subarray(raw.indexOf(0) + 1);
  } catch {
    return undefined;
  }
}

/** Offset of object `id` in the pack of version-2 pack index `idx`, or undefined. */
function packOffset(idx: Buffer, id: Buffer): number | undefined {
  if (idx.readUInt32BE(0) !== 0xff744f63 || idx.readUInt32BE(4) !== 2) return undefined;
  const width = id.length;
  const count = idx.readUInt32BE(8 + 255 * 4);
  let lo = id[0] === 0 ? 0 : idx.readUInt32BE(8 + (id[0] - 1) * 4);
  let hi = idx.readUInt32BE(8 + id[0] * 4);
  const ids = 8 + 1024;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = Buffer.compare(id, idx.subarray(ids + mid * width, ids + (mid + 1) * width));
    if (c === 0) {
      const offsets = ids + count * width + count * 4;
      const small = idx.readUInt32BE(offsets + mid * 4);
      if (!(small & 0x80000000)) return small;
      return Number(idx.readBigUInt64BE(offsets + count * 4 + (small & 0x7fffffff) * 8));
    }
    if (c < 0) hi = mid;
    else lo = mid + 1;
  }
  return undefined;
}

/** Applies a pack delta to its base object (gitformat-pack(5): copy and insert instructions). */
function applyDelta(base: Buffer, delta: Buffer): Buffer {
  let at = 0;
  const size = (): number => {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = delta[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  size(); // the base's size
  const out = Buffer.alloc(size());
  let written = 0;
  while (at < delta.length) {
    const op = delta[at++];
    if (op & 0x80) {
      let offset = 0;
      let length = 0;
      for (let b = 0; b < 4; b++) if (op & (1 << b)) offset += delta[at++] * 2 ** (8 * b);
      for (let b = 0; b < 3; b++) if (op & (16 << b)) length += delta[at++] * 2 ** (8 * b);
      written += base.copy(out, written, offset, offset + (length || 0x10000));
    } else {
      written += delta.copy(out, written, at, at + op);
      at += op;
    }
  }
  return out;
}

/** The content of the object at `offset` of an open pack, following deltas to their bases. */
function packedAt(dirs: GitDirs, fd: number, offset: number, depth = 0): Buffer | undefined {
  if (depth > 50) return undefined;
  const head = Buffer.alloc(64);
  const n = fs.readSync(fd, head, 0, head.length, offset);
  const type = (head[0] >> 4) & 7;
  let size = head[0] & 0x0f;
  let at = 1;
  for (let shift = 4; at < n && head[at - 1] & 0x80; shift += 7) size += (head[at++] & 0x7f) * 2 ** shift;
  let base: Buffer | undefined;
  if (type === 6) {
    let back = head[at] & 0x7f;
    while (head[at++] & 0x80) back = (back + 1) * 128 + (head[at] & 0x7f);
    base = packedAt(dirs, fd, offset - back, depth + 1);
  } else if (type === 7) {
    base = readObject(dirs, head.toString('hex', at, at + 20), depth + 1);
    at += 20;
  } else if (type < 1 || type > 4) return undefined;
  // A zlib stream is at most a few bytes per 16 KiB larger than what it holds.
  const body = Buffer.alloc(size + 1024 + (size >> 3));
  const got = fs.readSync(fd, body, 0, body.length, offset + at);
  const data = inflate(body.subarray(0, got));
  if (type === 6 || type === 7) return base && applyDelta(base, data);
  return data;
}

/** An object's content from a pack, or undefined. */
function packedObject(dirs: GitDirs, objects: string, id: string, depth: number): Buffer | undefined {
  const packDir = path.join(objects, 'pack');
  let names: string[];
  try {
    names = fs.readdirSync(packDir).filter((f) => f.endsWith('.idx'));
  } catch {
    return undefined;
  }
  const key = Buffer.from(id, 'hex');
  for (const name of names) {
    try {
      const offset = packOffset(fs.readFileSync(path.join(packDir, name)), key);
      if (offset === undefined) continue;
      const fd = fs.openSync(path.join(packDir, name.replace(/\.idx$/, '.pack')), 'r');
      try {
        return packedAt(dirs, fd, offset, depth);
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      continue;
    }
  }
  return undefined;
}

/** The content of object `id` (loose or packed, here or in an alternate), or undefined. */
function readObject(dirs: GitDirs, id: string, depth = 0): Buffer | undefined {
  for (const objects of objectDirs(dirs)) {
    const found = looseObject(objects, id) ?? packedObject(dirs, objects, id, depth);
    if (found) return found;
  }
  return undefined;
}

/** The root tree of commit `id`, or undefined when its object cannot be read here. */
function commitTree(dirs: GitDirs, id: string): string | undefined {
  return /^tree ([0-9a-f]+)\n/.exec(readObject(dirs, id)?.toString('latin1', 0, 100) ?? '')?.[1];
}

/** One tracked file as the index records it. */
interface IndexEntry {
  path: string;
  mode: number;
  mtimeNs: bigint;
  size: number;
  id: string;
  /** Merge conflict (stage > 0) or intent-to-add: a change in itself. */
  changed: boolean;
  skipWorktree: boolean;
}

/** The entries of an index file (in path order) and the file's modification time. */
function readIndex(file: string, idBytes: number): { entries: IndexEntry[]; mtimeNs: bigint } | undefined {
  let buf: Buffer;
  let mtimeNs: bigint;
  try {
    buf = fs.readFileSync(file);
    mtimeNs = fs.statSync(file, { bigint: true }).mtimeNs;
  } catch {
    return undefined;
  }
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'DIRC') return undefined;
  const version = buf.readUInt32BE(4);
  if (version < 2 || version > 4) return undefined;
  const count = buf.readUInt32BE(8);
  const entries: IndexEntry[] = [];
  let at = 12;
  let previous = '';
  for (let i = 0; i < count; i++) {
    const start = at;
    const mtimeSec = buf.readUInt32BE(at + 8);
    const mtimeNsec = buf.readUInt32BE(at + 12);
    const mode = buf.readUInt32BE(at + 24);
    const size = buf.readUInt32BE(at + 36);
    const id = buf.toString('hex', at + 40, at + 40 + idBytes);
    at += 40 + idBytes;
    const flags = buf.readUInt16BE(at);
    at += 2;
    let extended = 0;
    if (flags & 0x4000) {
      extended = buf.readUInt16BE(at);
      at += 2;
    }
    let name: string;
    if (version === 4) {
      let strip = buf[at] & 0x7f;
      while (buf[at++] & 0x80) strip = ((strip + 1) << 7) | (buf[at] & 0x7f);
      const end = buf.indexOf(0, at);
      name = previous.slice(0, previous.length - strip) + buf.toString('utf8', at, end);
      at = end + 1;
    } else {
      const end = buf.indexOf(0, at);
      name = buf.toString('utf8', at, end);
      at = start + ((end - start + 8) & ~7);
    }
    previous = name;
    entries.push({
      path: name,
      mode,
      mtimeNs: BigInt(mtimeSec) * 1_000_000_000n + BigInt(mtimeNsec),
      size,
      id,
      changed: (flags & 0x3000) !== 0 || (extended & 0x2000) !== 0,
      skipWorktree: (extended & 0x4000) !== 0,
    });
  }
  return { entries, mtimeNs };
}

/** Whether a tracked file's content or mode differs from its index entry. */
function fileChanged(root: string, e: IndexEntry, indexMtimeNs: bigint, idBytes: number): boolean {
  const kind = e.mode >>> 12;
  if (kind === 0o16) return false; // a submodule: its own checkout
  let st: fs.BigIntStats;
  try {
    st = fs.lstatSync(path.join(root, e.path), { bigint: true });
  } catch {
    return true; // deleted
  }
  const isLink = kind === 0o12;
  if (isLink !== st.isSymbolicLink()) return true;
  if (!isLink && (e.mode & 0o100) !== (Number(st.mode) & 0o100)) return true;
  if (Number(st.size % 4294967296n) !== e.size) return true;
  // Same size and time, and written before the index: unchanged, as git concludes (racy entries are hashed).
  if (st.mtimeNs === e.mtimeNs && e.mtimeNs < indexMtimeNs) return false;
  const content = isLink ? Buffer.from(fs.readlinkSync(path.join(root, e.path))) : fs.readFileSync(path.join(root, e.path));
  const hash = createHash(idBytes === 32 ? 'sha256' : 'sha1');
  hash.update(`blob ${content.length}\0`);
  return hash.update(content).digest('hex') !== e.id;
}

/** Tree entry mode of an index entry's mode (file, executable, symlink, submodule). */
function treeMode(mode: number): string {
  const kind = mode >>> 12;
  if (kind === 0o12) return '120000';
  if (kind === 0o16) return '160000';
  return mode & 0o100 ? '100755' : '100644';
}

/**
 * The id of the root tree the index describes, as `git write-tree` would compute it: each folder's
 * tree lists its files and subfolders, sorted by name (a folder's name with "/" appended).
 */
function indexTree(entries: readonly IndexEntry[], idBytes: number): string {
  const algorithm = idBytes === 32 ? 'sha256' : 'sha1';
  const tree = (from: number, to: number, prefix: number): Buffer => {
    const items: Array<{ key: Buffer; line: Buffer; id: Buffer }> = [];
    for (let i = from; i < to; ) {
      const rest = entries[i].path.slice(prefix);
      const slash = rest.indexOf('/');
      if (slash < 0) {
        items.push({ key: Buffer.from(rest), line: Buffer.from(`${treeMode(entries[i].mode)} ${rest}\0`), id: Buffer.from(entries[i].id, 'hex') });
        i++;
        continue;
      }
      // Index entries are sorted by path, so a folder's entries are consecutive.
      const folder = rest.slice(0, slash + 1);
      let end = i + 1;
      while (end < to && entries[end].path.startsWith(folder, prefix)) end++;
      items.push({ key: Buffer.from(folder), line: Buffer.from(`40000 ${folder.slice(0, -1)}\0`), id: tree(i, end, prefix + folder.length) });
      i = end;
    }
    items.sort((a, b) => Buffer.compare(a.key, b.key));
    const body = Buffer.concat(items.flatMap((it) => [it.line, it.id]));
    return createHash(algorithm).update(`tree ${body.length}\0`).update(body).digest();
  };
  return tree(0, entries.length, 0).toString('hex');
}

/** Whether tracked files or the index differ from HEAD (see the top of this file). */
function isDirty(root: string, dirs: GitDirs, head: string): boolean {
  const idBytes = head.length / 2;
  const index = readIndex(path.join(dirs.gitDir, 'index'), idBytes);
  if (!index) return false;
  for (const e of index.entries) {
    if (e.changed) return true;
    if (!e.skipWorktree && fileChanged(root, e, index.mtimeNs, idBytes)) return true;
  }
  const tree = commitTree(dirs, head);
  return tree !== undefined && tree !== indexTree(index.entries, idBytes);
}

/** HEAD's commit of the checkout at `root`, with "-dirty" when it has changes; undefined outside a checkout. */
export function readGitCommit(root: string): string | undefined {
  const dirs = gitDirs(root);
  const head = dirs && headCommit(dirs);
  if (!dirs || !head) return undefined;
  return isDirty(root, dirs, head) ? `${head}-dirty` : head;
}
