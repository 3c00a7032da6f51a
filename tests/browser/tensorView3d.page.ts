// Renders tensorView3d with fixed data for tests/browser/tensorView3d.test.ts, and exposes what the test checks:
// the view's state attributes, its canvas pixels, its text, and ways to remove or abort it.
import { tensorView3d, type TensorView3dOptions } from "../../src/components/tensorView3d.js";

/** A deterministic block: U with channel-dependent means and signs, s spread over (0, 1), X̃ = s·U. */
function block(h: number, w: number, c: number) {
  const u = new Float32Array(h * w * c);
  for (let p = 0; p < h * w; p++)
    for (let ch = 0; ch < c; ch++) u[p * c + ch] = Math.sin(ch * 1.7) * 1.5 + Math.cos(p * 0.9 + ch) * 0.8;
  const z = new Float32Array(c);
  for (let p = 0; p < h * w; p++) for (let ch = 0; ch < c; ch++) z[ch] += u[p * c + ch] / (h * w);
  const s = Float32Array.from({ length: c }, (_, ch) => 1 / (1 + Math.exp(-Math.sin(ch * 2.3) * 3)));
  const xt = u.map((v, i) => v * s[i % c]);
  return { u, z, s, xt, shape: [h, w, c] as [number, number, number], block: `SE_test_${c}` };
}

interface Rendered {
  renderer: string | undefined;
  autoRotate: string | undefined;
  frames: number;
  state: string | undefined;
  summary: string;
  canvas: {
    tabIndex: number;
    role: string | null;
    roleDescription: string | null;
    ariaLabel: string | null;
    describedBySummary: boolean;
  } | null;
  maps: number;
  bars: number;
  note: string | null;
}

let current: HTMLElement | null = null;
let controller: AbortController | null = null;

function describe(): Rendered {
  const root = current!;
  const canvas = root.querySelector<HTMLCanvasElement>(".se-tensor3d-stage > canvas");
  const described = canvas?.getAttribute("aria-describedby");
  return {
    renderer: root.dataset.renderer,
    autoRotate: root.dataset.autoRotate,
    frames: Number(root.dataset.frames ?? 0),
    state: root.dataset.state,
    summary: root.querySelector(":scope > figcaption")?.textContent ?? "",
    canvas: canvas && {
      tabIndex: canvas.tabIndex,
      role: canvas.getAttribute("role"),
      roleDescription: canvas.getAttribute("aria-roledescription"),
      ariaLabel: canvas.getAttribute("aria-label"),
      describedBySummary:
        !!described && document.getElementById(described) === root.querySelector(":scope > figcaption"),
    },
    maps: root.querySelectorAll(".se-maps").length,
    bars: root.querySelectorAll("svg.se-bars").length,
    note: root.querySelector(".se-tensor3d-note")?.textContent ?? null,
  };
}

const api = {
  /** Replaces the view with a new one of an H×W×C block. */
  mount(
    shape: [number, number, number],
    options: Partial<TensorView3dOptions> & { stubWebgl?: boolean } = {},
  ) {
    current?.remove();
    controller = new AbortController();
    const { stubWebgl, ...rest } = options;
    const original = HTMLCanvasElement.prototype.getContext;
    if (stubWebgl) {
      // A browser without WebGL: every WebGL context request fails, as getContext reports it (null).
      HTMLCanvasElement.prototype.getContext = function (
        this: HTMLCanvasElement,
        kind: string,
        ...args: unknown[]
      ) {
        return kind.startsWith("webgl") ? null : (original as Function).call(this, kind, ...args);
      } as typeof original;
    }
    try {
      current = tensorView3d(block(...shape), { width: 640, signal: controller.signal, ...rest });
    } finally {
      HTMLCanvasElement.prototype.getContext = original;
    }
    document.body.append(current);
    return describe();
  },
  describe,
  /** Share of canvas pixels that are not transparent, how many distinct colours they have, and a hash of them. */
  async pixels(): Promise<{ covered: number; colours: number; hash: number }> {
    const canvas = current!.querySelector<HTMLCanvasElement>(".se-tensor3d-stage > canvas")!;
    const image = new Image();
    image.src = canvas.toDataURL("image/png");
    await image.decode();
    const copy = document.createElement("canvas");
    copy.width = image.width;
    copy.height = image.height;
    const context = copy.getContext("2d")!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    let covered = 0;
    let hash = 2166136261; // FNV-1a over the bytes
    for (const byte of data) hash = Math.imul(hash ^ byte, 16777619) >>> 0;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue;
      covered++;
      colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    }
    return { covered: covered / (copy.width * copy.height), colours: colours.size, hash };
  },
  /** Whether the view's WebGL context has been released. */
  contextLost(): boolean {
    const canvas = current!.querySelector<HTMLCanvasElement>(".se-tensor3d-stage > canvas")!;
    return (canvas.getContext("webgl2") as WebGL2RenderingContext).isContextLost();
  },
  remove() {
    current!.remove();
  },
  abort() {
    controller!.abort();
  },
  error(): string {
    const data = block(3, 3, 4);
    try {
      tensorView3d({ ...data, s: data.s.subarray(0, 3) }, { width: 300 });
      return "no error";
    } catch (error) {
      return (error as Error).message;
    }
  },
};

export type TensorView3dPage = typeof api;
(window as unknown as { tensorView3dTest: TensorView3dPage }).tensorView3dTest = api;
