// One entry point for every checkpoint container: sniff the format from the bytes (never from the file
// name), read the state_dict, and undo the DataParallel `module.` prefix.
import type { HostTensor } from "./host-tensor.js";
import { findStateDict, isPth, readPth } from "./pth.js";
import { isSafetensors, parseSafetensors } from "./safetensors.js";
import { isZip } from "./zip.js";

export type CheckpointFormat = "safetensors" | "pth-zip" | "pth-legacy";

export interface Checkpoint {
  format: CheckpointFormat;
  tensors: Map<string, HostTensor>;
  /** What was done to get the state_dict, for the import report (e.g. `checkpoint["state_dict"]`). */
  notes: string[];
}

export function readCheckpoint(bytes: Uint8Array, fileName = "file"): Checkpoint {
  const notes: string[] = [];
  let format: CheckpointFormat;
  let tensors: Map<string, HostTensor>;
  if (bytes.length === 0) throw new Error(`${fileName} is empty`);
  if (isSafetensors(bytes)) {
    format = "safetensors";
    tensors = parseSafetensors(bytes, fileName).tensors;
  } else if (isPth(bytes)) {
    format = isZip(bytes) ? "pth-zip" : "pth-legacy";
    const { tensors: lazy, where } = findStateDict(readPth(bytes, fileName), fileName);
    if (where !== "the top-level dict") notes.push(`state_dict taken from ${where}`);
    tensors = new Map([...lazy].map(([name, t]) => [name, t.decode(name)]));
  } else {
    throw new Error(
      `${fileName} is not a checkpoint this importer can read: expected safetensors or a PyTorch .pth ` +
        `(ZIP or legacy pickle), but it starts with bytes ${[...bytes.subarray(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join(" ")}`,
    );
  }
  const keys = [...tensors.keys()];
  if (keys.length > 0 && keys.every((k) => k.startsWith("module."))) {
    tensors = new Map([...tensors].map(([k, v]) => [k.slice("module.".length), v]));
    notes.push(`removed the DataParallel "module." prefix from all ${keys.length} keys`);
  }
  return { format, tensors, notes };
}
