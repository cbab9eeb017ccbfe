// `npm run package`: the store upload. A zip of the runtime files only (no tests, tools, pom.xml or node_modules),
// with the manifest's `key` removed: the Web Store assigns the id of a published item and rejects a `key`.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { deflateRawSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { crc32 } from './crc32.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const RUNTIME_FILES = ['manifest.json', 'service-worker.js'];
export const RUNTIME_DIRS = ['sidepanel', 'options', 'lib', 'scripts', '_locales', 'icons'];

async function filesUnder(dir) {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => {
    const relative = `${dir}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(relative) : [relative];
  }));
  return nested.flat();
}

/** The manifest as shipped: the development `key` (which pins the unpacked id) left out. */
export function storeManifest(manifest) {
  const shipped = { ...manifest };
  delete shipped.key;
  return shipped;
}

// Fixed timestamp (1980-01-01, the zip epoch) so the same sources give the same zip.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** A zip archive (deflate) of [{ name, data }]. */
export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const compressed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    local.copy(central, 6, 4, 30); // version needed .. name length share the local header's layout
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Builds target/finlens-extension-<version>.zip (or into outDir) and returns its path. */
export async function buildPackage(outDir = path.join(root, 'target')) {
  const manifest = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8'));
  const names = [...RUNTIME_FILES, ...(await Promise.all(RUNTIME_DIRS.map(filesUnder))).flat()].sort();
  const entries = await Promise.all(names.map(async (name) => ({
    name,
    data: name === 'manifest.json'
      ? Buffer.from(`${JSON.stringify(storeManifest(manifest), null, 2)}\n`)
      : await readFile(path.join(root, name)),
  })));
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, `finlens-extension-${manifest.version}.zip`);
  await writeFile(file, zip(entries));
  return file;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(path.relative(process.cwd(), await buildPackage()));
}
