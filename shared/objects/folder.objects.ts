// Folder adapter of the object-store port: raw snapshots as files under a directory (local default).
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { ObjectStore, StoredObject } from '../ports/object-store.js';

function safeKey(key: string): string {
  if (!key || key.startsWith('/') || key.split('/').some((p) => p === '..' || p === '')) {
    throw new Error(`invalid object key "${key}"`);
  }
  return key;
}

/** Stores objects as files; a sidecar `.meta.json` keeps the content type. */
export class FolderObjectStore implements ObjectStore {
  constructor(private readonly root: string) {}

  async put(key: string, body: Uint8Array, contentType?: string): Promise<void> {
    const path = join(this.root, safeKey(key));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, body);
    if (contentType) await writeFile(`${path}.meta.json`, JSON.stringify({ contentType }));
  }

  async get(key: string): Promise<StoredObject | null> {
    const path = join(this.root, safeKey(key));
    try {
      const body = await readFile(path);
      let contentType: string | null = null;
      try {
        contentType = (JSON.parse(await readFile(`${path}.meta.json`, 'utf8')) as { contentType?: string }).contentType ?? null;
      } catch {
        contentType = null;
      }
      return { body: new Uint8Array(body), contentType };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async list(prefix: string): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw err;
      }
      for (const e of entries) {
        const full = join(dir, e.name);
        if (e.isDirectory()) await walk(full);
        else if (!e.name.endsWith('.meta.json')) {
          const key = relative(this.root, full).split(sep).join('/');
          if (key.startsWith(prefix)) out.push(key);
        }
      }
    };
    await walk(this.root);
    return out.sort();
  }

  async delete(keys: string[]): Promise<number> {
    let n = 0;
    for (const key of keys) {
      const path = join(this.root, safeKey(key));
      try {
        await rm(path);
        n++;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
      await rm(`${path}.meta.json`, { force: true });
    }
    return n;
  }
}
