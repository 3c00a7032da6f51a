// A model directory on disk: model.json plus its content-hashed shards (the format of
// src/lib/import/manifest.ts). Node file I/O only; the browser loads the same files with loadModelFromUrl.
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { CanonicalTensor } from "../src/lib/import/layout.js";
import {
  decodeModel,
  parseDescriptor,
  stringifyDescriptor,
  type EncodedModel,
  type ModelDescriptor,
} from "../src/lib/import/manifest.js";

const SHARD = /^group\d+-shard\d+of\d+\.[0-9a-f]{8}\.bin$/;

/** Writes model.json and the shards, removing shards of an earlier import so nothing stale remains. */
export async function writeModelDir(dir: string, model: EncodedModel): Promise<void> {
  await mkdir(dir, { recursive: true });
  const keep = new Set(model.shards.map((s) => s.path));
  for (const f of await readdir(dir)) if (SHARD.test(f) && !keep.has(f)) await rm(join(dir, f));
  for (const s of model.shards) await writeFile(join(dir, s.path), s.bytes);
  await writeFile(join(dir, "model.json"), stringifyDescriptor(model.descriptor));
}

export async function readModelDir(
  dir: string,
): Promise<{ descriptor: ModelDescriptor; weights: Map<string, CanonicalTensor> }> {
  const path = join(dir, "model.json");
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new Error(
      `no model.json in ${dir} (import weights first: npm run weights -- import <file> --arch <name>)`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path} is not valid JSON (${(e as Error).message})`);
  }
  const descriptor = parseDescriptor(json, path);
  const shards = await Promise.all(
    descriptor.weightsManifest.map((g) =>
      Promise.all(
        g.paths.map(async (p) => {
          try {
            return new Uint8Array(await readFile(join(dir, p)));
          } catch {
            throw new Error(`${dir} lacks the shard ${p} listed in model.json`);
          }
        }),
      ),
    ),
  );
  return { descriptor, weights: await decodeModel(descriptor, shards) };
}
