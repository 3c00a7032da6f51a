// A small interpreter for Python's binary pickle protocols 2-5: enough to read what torch.save writes
// (protocol 2 by default) without executing anything. Module-level names (GLOBAL / STACK_GLOBAL) are
// resolved by the caller's `findClass`; names it does not know become inert `PyGlobal` markers, and
// calling one builds an inert `PyObject`, so foreign objects in a checkpoint (optimizer state,
// argparse.Namespace, numpy scalars) load as data and only matter if someone asks for them as tensors.

export class PyGlobal {
  constructor(
    readonly module: string,
    readonly name: string,
  ) {}
  get qualifiedName(): string {
    return `${this.module}.${this.name}`;
  }
}

/** An instance of a class the reader does not model: its constructor arguments and pickled state. */
export class PyObject {
  state: unknown = undefined;
  constructor(
    readonly cls: PyGlobal,
    readonly args: unknown[],
  ) {}
}

export interface PickleHooks {
  /** Returns a JS function (called on REDUCE / NEWOBJ) or any value for a global; undefined = opaque. */
  findClass?(module: string, name: string): unknown;
  persistentLoad?(pid: unknown): unknown;
}

function builtin(module: string, name: string): unknown {
  const q = `${module}.${name}`;
  switch (q) {
    case "collections.OrderedDict":
    case "builtins.dict":
    case "__builtin__.dict":
      return (items?: unknown) => new Map(items instanceof Map ? items : []);
    case "builtins.set":
    case "__builtin__.set":
    case "builtins.frozenset":
    case "__builtin__.frozenset":
      return (items: unknown[] = []) => new Set(items);
    case "_codecs.encode":
      // Protocol 2 pickles bytes as _codecs.encode(str, "latin1"): each code point is one byte.
      return (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
    case "copyreg._reconstructor":
    case "copy_reg._reconstructor":
      return (cls: unknown) => new PyObject(cls instanceof PyGlobal ? cls : new PyGlobal("?", "?"), []);
  }
  return undefined;
}

function call(callable: unknown, args: unknown[]): unknown {
  if (typeof callable === "function") return callable(...args);
  if (callable instanceof PyGlobal) return new PyObject(callable, args);
  throw new Error(`pickle calls a ${typeof callable}, which is not callable`);
}

/**
 * Runs the pickle program starting at `start` until its STOP opcode and returns the value and the
 * offset just past STOP (PyTorch's legacy format stores several pickles back to back).
 */
export function unpickle(
  bytes: Uint8Array,
  hooks: PickleHooks = {},
  start = 0,
): { value: unknown; end: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  const stack: unknown[] = [];
  const marks: number[] = [];
  const memo = new Map<number, unknown>();
  let p = start;
  const need = (n: number) => {
    if (p + n > bytes.length)
      throw new Error(`pickle data ends unexpectedly at byte ${bytes.length} (truncated?)`);
  };
  const u8 = () => (need(1), bytes[p++]);
  const u16 = () => (need(2), (p += 2), view.getUint16(p - 2, true));
  const u32 = () => (need(4), (p += 4), view.getUint32(p - 4, true));
  const i32 = () => (need(4), (p += 4), view.getInt32(p - 4, true));
  const u64 = () => (need(8), (p += 8), Number(view.getBigUint64(p - 8, true)));
  const raw = (n: number) => (need(n), (p += n), bytes.slice(p - n, p));
  const text = (n: number) => (need(n), (p += n), utf8.decode(bytes.subarray(p - n, p)));
  const pop = () => {
    if (stack.length === 0) throw new Error(`pickle stack underflow at byte ${p}`);
    return stack.pop();
  };
  const popMark = () => {
    const m = marks.pop();
    if (m === undefined) throw new Error(`pickle has no MARK for the opcode at byte ${p - 1}`);
    return stack.splice(m);
  };
  const top = () => stack[stack.length - 1];
  const signedLE = (b: Uint8Array) => {
    let v = 0n;
    for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
    if (b.length && b[b.length - 1] & 0x80) v -= 1n << BigInt(8 * b.length);
    return Number.isSafeInteger(Number(v)) ? Number(v) : v;
  };
  const resolve = (module: string, name: string) =>
    hooks.findClass?.(module, name) ?? builtin(module, name) ?? new PyGlobal(module, name);
  const setItems = (target: unknown, kv: unknown[]) => {
    if (!(target instanceof Map)) throw new Error(`pickle sets items on a ${typeof target}, not a dict`);
    for (let i = 0; i < kv.length; i += 2) target.set(kv[i], kv[i + 1]);
  };
  const appendItems = (target: unknown, items: unknown[]) => {
    if (!Array.isArray(target)) throw new Error(`pickle appends to a ${typeof target}, not a list`);
    target.push(...items);
  };
  for (;;) {
    const at = p;
    const op = u8();
    switch (op) {
      case 0x80: // PROTO
        if (u8() > 5) throw new Error(`pickle protocol ${bytes[p - 1]} is newer than 5`);
        break;
      case 0x95: // FRAME: a length prefix only
        u64();
        break;
      case 0x2e: // STOP
        return { value: pop(), end: p };
      case 0x28: // MARK
        marks.push(stack.length);
        break;
      case 0x30: // POP
        pop();
        break;
      case 0x31: // POP_MARK
        popMark();
        break;
      case 0x32: // DUP
        stack.push(top());
        break;
      case 0x4e: // NONE
        stack.push(null);
        break;
      case 0x88: // NEWTRUE
        stack.push(true);
        break;
      case 0x89: // NEWFALSE
        stack.push(false);
        break;
      case 0x4a: // BININT
        stack.push(i32());
        break;
      case 0x4b: // BININT1
        stack.push(u8());
        break;
      case 0x4d: // BININT2
        stack.push(u16());
        break;
      case 0x8a: // LONG1
        stack.push(signedLE(raw(u8())));
        break;
      case 0x8b: // LONG4
        stack.push(signedLE(raw(u32())));
        break;
      case 0x47: // BINFLOAT (big-endian double)
        need(8);
        stack.push(view.getFloat64(p, false));
        p += 8;
        break;
      case 0x58: // BINUNICODE
        stack.push(text(u32()));
        break;
      case 0x8c: // SHORT_BINUNICODE
        stack.push(text(u8()));
        break;
      case 0x8d: // BINUNICODE8
        stack.push(text(u64()));
        break;
      case 0x54: // BINSTRING: a Python 2 str, decoded as UTF-8 as torch.load does by default
        stack.push(text(u32()));
        break;
      case 0x55: // SHORT_BINSTRING
        stack.push(text(u8()));
        break;
      case 0x42: // BINBYTES
        stack.push(raw(u32()));
        break;
      case 0x43: // SHORT_BINBYTES
        stack.push(raw(u8()));
        break;
      case 0x8e: // BINBYTES8
      case 0x96: // BYTEARRAY8
        stack.push(raw(u64()));
        break;
      case 0x29: // EMPTY_TUPLE
        stack.push([]);
        break;
      case 0x85: // TUPLE1
        stack.push([pop()]);
        break;
      case 0x86: {
        // TUPLE2
        const b = pop();
        stack.push([pop(), b]);
        break;
      }
      case 0x87: {
        // TUPLE3
        const c = pop();
        const b = pop();
        stack.push([pop(), b, c]);
        break;
      }
      case 0x74: // TUPLE
      case 0x6c: // LIST
        stack.push(popMark());
        break;
      case 0x5d: // EMPTY_LIST
        stack.push([]);
        break;
      case 0x61: {
        // APPEND
        const v = pop();
        appendItems(top(), [v]);
        break;
      }
      case 0x65: {
        // APPENDS
        const items = popMark();
        appendItems(top(), items);
        break;
      }
      case 0x7d: // EMPTY_DICT
        stack.push(new Map());
        break;
      case 0x64: {
        // DICT
        const m = new Map();
        setItems(m, popMark());
        stack.push(m);
        break;
      }
      case 0x73: {
        // SETITEM
        const v = pop();
        const k = pop();
        setItems(top(), [k, v]);
        break;
      }
      case 0x75: {
        // SETITEMS
        const kv = popMark();
        setItems(top(), kv);
        break;
      }
      case 0x8f: // EMPTY_SET
        stack.push(new Set());
        break;
      case 0x90: {
        // ADDITEMS
        const items = popMark();
        const s = top();
        if (!(s instanceof Set)) throw new Error(`pickle adds set items to a non-set at byte ${at}`);
        for (const x of items) s.add(x);
        break;
      }
      case 0x91: // FROZENSET
        stack.push(new Set(popMark()));
        break;
      case 0x63: {
        // GLOBAL: "module\nname\n"
        const line = () => {
          const nl = bytes.indexOf(0x0a, p);
          if (nl < 0) throw new Error(`pickle GLOBAL at byte ${at} is not terminated`);
          const s = utf8.decode(bytes.subarray(p, nl));
          p = nl + 1;
          return s;
        };
        const module = line();
        stack.push(resolve(module, line()));
        break;
      }
      case 0x93: {
        // STACK_GLOBAL
        const name = pop();
        const module = pop();
        if (typeof module !== "string" || typeof name !== "string") {
          throw new Error(`pickle STACK_GLOBAL at byte ${at} needs two strings`);
        }
        stack.push(resolve(module, name));
        break;
      }
      case 0x52: {
        // REDUCE
        const args = pop();
        const callable = pop();
        if (!Array.isArray(args)) throw new Error(`pickle REDUCE at byte ${at} has no argument tuple`);
        stack.push(call(callable, args));
        break;
      }
      case 0x81: {
        // NEWOBJ: cls.__new__(cls, *args)
        const args = pop();
        const cls = pop();
        stack.push(call(cls, Array.isArray(args) ? args : []));
        break;
      }
      case 0x92: {
        // NEWOBJ_EX (keyword arguments ignored: only opaque objects are built this way)
        pop();
        const args = pop();
        const cls = pop();
        stack.push(call(cls, Array.isArray(args) ? args : []));
        break;
      }
      case 0x62: {
        // BUILD: obj.__setstate__(state) or obj.__dict__.update(state)
        const state = pop();
        const obj = top();
        if (obj instanceof PyObject) obj.state = state;
        // On a dict, BUILD sets instance attributes, not entries (a state_dict's `_metadata`: module
        // versions, which no layout here depends on).
        else if (obj instanceof Map) break;
        else if (state !== null)
          throw new Error(`pickle BUILD at byte ${at} on a ${typeof obj} is not supported`);
        break;
      }
      case 0x51: {
        // BINPERSID
        const pid = pop();
        if (!hooks.persistentLoad) throw new Error(`pickle refers to external data at byte ${at}`);
        stack.push(hooks.persistentLoad(pid));
        break;
      }
      case 0x71: // BINPUT
        memo.set(u8(), top());
        break;
      case 0x72: // LONG_BINPUT
        memo.set(u32(), top());
        break;
      case 0x94: // MEMOIZE
        memo.set(memo.size, top());
        break;
      case 0x68: // BINGET
      case 0x6a: {
        // LONG_BINGET
        const k = op === 0x68 ? u8() : u32();
        if (!memo.has(k)) throw new Error(`pickle memo ${k} read at byte ${at} before it was written`);
        stack.push(memo.get(k));
        break;
      }
      default:
        throw new Error(
          `unsupported pickle opcode 0x${op.toString(16).padStart(2, "0")} at byte ${at}` +
            (at === start ? " (this is not a pickle)" : ""),
        );
    }
  }
}
