// One SE block in 3D with the reader's values: U as a slab of stacked channel planes (channel 0 in front), z and s
// as 1×1×C columns whose cubes sit at the depth of their channel's plane, and X̃ = s·U as a second slab, so a
// channel can be followed from its map to its mean, its excitation and its rescaled map. U, z and X̃ share one
// diverging purple–orange scale (a faded channel of X̃ looks faded next to U), s uses cividis on [0, 1]; both read
// with colour-vision deficiencies. Each slab is one instanced draw (a plane per channel sampling a texture array),
// so software WebGL renders it quickly. Without WebGL 2, or when the renderer fails, the same tensors are drawn in
// 2D with featureMaps and channelBars. The view disposes its GPU resources once removed from the document or when
// `signal` aborts.
import * as THREE from "three";
import { OrbitControls } from "three/examples/jsm/controls/OrbitControls.js";
import * as d3 from "d3";
import { featureMaps } from "./featureMaps.js";
import { channelBars } from "./channelBars.js";

export interface TensorView3dData {
  /** U of one image, [H, W, C] row-major (NHWC). */
  u: Float32Array;
  /** z = mean of U over H and W, [C]. */
  z: Float32Array;
  /** s, the excitations, [C]. */
  s: Float32Array;
  /** X̃ = s·U, [H, W, C]. */
  xt: Float32Array;
  /** [H, W, C] */
  shape: [number, number, number];
  /** The block's name, e.g. "SE_3_1". */
  block: string;
}

export interface TensorView3dOptions {
  width: number;
  height?: number;
  /** Most channels drawn; default 64. */
  maxChannels?: number;
  /** A channel the drawn ones must include (the reader's selection); without it the first ones are drawn. */
  focusChannel?: number;
  /** Draw the 2D version even where WebGL 2 works. */
  forceFallback?: boolean;
  /** Disposes the view when aborted (it also disposes itself once removed from the document). */
  signal?: AbortSignal;
}

const PLANE = 3; // world size of the longer of H and W
const TURN_SPEED = 3; // OrbitControls units: one turn in 60 / 3 = 20 s
const KEY_STEP = Math.PI / 18;
const VIEW = new THREE.Vector3(0.4, 0.55, 1).normalize(); // from the front, right and above
let views = 0; // for unique ids

// Purple for positive values, orange for negative, as featureMaps draws them.
const puOr = (t: number) => d3.interpolatePuOr(1 - t);

/** 256-entry colour table of `interpolate` over [lo, hi]: the slabs hold H·W·C values, too many to parse colours. */
function colourTable(interpolate: (t: number) => string, lo: number, hi: number): (v: number) => Uint8Array {
  const table = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const { r, g, b } = d3.rgb(interpolate(i / 255));
    table.set([r, g, b], i * 3);
  }
  return (v) => {
    const i = Math.round(((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * 255);
    return table.subarray(i * 3, i * 3 + 3);
  };
}

function gradient(interpolate: (t: number) => string): string {
  return `linear-gradient(to right, ${d3.range(11).map((i) => interpolate(i / 10))})`;
}

function validate(data: TensorView3dData): void {
  const [h, w, c] = data.shape;
  if (![h, w, c].every((d) => Number.isInteger(d) && d > 0))
    throw new Error(`tensorView3d: shape must be [H, W, C] of positive integers, got [${data.shape}]`);
  for (const [name, size] of [
    ["u", h * w * c],
    ["xt", h * w * c],
    ["z", c],
    ["s", c],
  ] as const) {
    if (data[name].length !== size)
      throw new Error(
        `tensorView3d: ${name} has ${data[name].length} values, expected ${size} for [${h}, ${w}, ${c}]`,
      );
  }
}

function format(v: number): string {
  return v.toFixed(Math.abs(v) >= 10 ? 1 : Math.abs(v) >= 1 ? 2 : 3).replace("-", "−");
}

/** What the view shows, in words: the visible caption and the canvas's description for screen readers. */
function summaryText(data: TensorView3dData, shown: number[], max: number, flat: boolean): string {
  const [h, w, c] = data.shape;
  const s = Array.from(data.s);
  const lo = d3.minIndex(s);
  const hi = d3.maxIndex(s);
  const channels =
    shown.length === c
      ? `all ${c} channels`
      : `${shown.length} of its ${c} channels (${shown[0]}–${shown[shown.length - 1]})`;
  const layout = flat
    ? `top to bottom: U (${h}×${w}×${c}, H × W × C), the feature map entering the block, ${channels} as maps; ` +
      `z, the channel means (the squeeze), and s, the excitations, as bars over all ${c} channels; and X̃ = s·U, ` +
      `each map of U multiplied by its s`
    : `in 3D, left to right: U (${h}×${w}×${c}, H × W × C), the feature map entering the block, ${channels} ` +
      `drawn as stacked planes, channel ${shown[0]} in front; z, the channel means (the squeeze); s, the excitations` +
      `${shown.length === c ? "" : ` (the columns show the same ${shown.length} channels)`}; and X̃ = s·U, each plane of U ` +
      `multiplied by its s`;
  const colours = flat ? `U and X̃ share a purple–orange scale` : `U, z and X̃ share a purple–orange scale`;
  return (
    `${data.block}, ${layout}. Over all ${c} channels s runs from ${format(s[lo])} (channel ${lo}) to ` +
    `${format(s[hi])} (channel ${hi}), mean ${format(d3.mean(s)!)}. ${colours} from −${format(max)} (orange) ` +
    `through 0 (white) to ${format(max)} (purple)${flat ? "" : "; s is coloured from 0 (dark blue) to 1 (yellow)"}.`
  );
}

function legend(max: number): HTMLElement {
  const row = document.createElement("div");
  row.className = "se-tensor3d-legend";
  row.setAttribute("aria-hidden", "true");
  for (const [label, interpolate, lo, hi] of [
    ["U, z, X̃", puOr, `−${format(max)}`, format(max)],
    ["s", d3.interpolateCividis, "0", "1"],
  ] as const) {
    const item = document.createElement("span");
    const ramp = document.createElement("span");
    ramp.className = "se-tensor3d-ramp";
    ramp.style.background = gradient(interpolate);
    item.append(`${label} `, lo, " ", ramp, " ", hi);
    row.append(item);
  }
  return row;
}

/** The same tensors in 2D, for browsers without WebGL 2. */
function fallback(
  data: TensorView3dData,
  channels: number[],
  max: number,
  width: number,
  why: string,
): Node[] {
  const [h, w, c] = data.shape;
  const note = document.createElement("p");
  note.className = "se-tensor3d-note";
  note.textContent = `The 3D view is not available (${why}); here are the same tensors in 2D.`;
  const subset =
    channels.length < c ? ` (channels ${channels[0]}–${channels[channels.length - 1]} of ${c})` : "";
  const heading = (text: string) => Object.assign(document.createElement("h4"), { textContent: text });
  return [
    note,
    heading(`U${subset}`),
    featureMaps(data.u, { width, shape: [h, w, c], channels, max, label: `U of ${data.block}` }),
    heading("z"),
    channelBars(data.z, { width, label: `z of ${data.block} (${c} channels)`, yLabel: "z_c" }),
    heading("s"),
    channelBars(data.s, {
      width,
      domain: [0, 1],
      label: `s of ${data.block} (${c} channels)`,
      yLabel: "s_c",
      fill: "#e66101",
    }),
    heading(`X̃ = s·U${subset}`),
    featureMaps(data.xt, { width, shape: [h, w, c], channels, max, label: `X̃ of ${data.block}` }),
  ];
}

const SLAB_VERTEX = `
varying vec2 vUv;
flat varying int vLayer;
void main() {
  vUv = uv;
  vLayer = gl_InstanceID;
  gl_Position = projectionMatrix * modelViewMatrix * instanceMatrix * vec4(position, 1.0);
}`;

// The texture holds sRGB bytes from the colour tables; writing them unconverted shows exactly those colours.
const SLAB_FRAGMENT = `
uniform sampler2DArray maps;
varying vec2 vUv;
flat varying int vLayer;
void main() {
  gl_FragColor = texture(maps, vec3(vUv, float(vLayer)));
}`;

/** Distance along `direction` at which the box ±`extent` around the origin just fills the camera's view. */
function fitDistance(
  camera: THREE.PerspectiveCamera,
  direction: THREE.Vector3,
  extent: THREE.Vector3,
): number {
  const tanY = Math.tan(THREE.MathUtils.degToRad(camera.fov) / 2);
  const tanX = tanY * camera.aspect;
  const right = new THREE.Vector3(0, 1, 0).cross(direction).normalize();
  const up = direction.clone().cross(right);
  let distance = 0;
  for (const sx of [-1, 1])
    for (const sy of [-1, 1])
      for (const sz of [-1, 1]) {
        const corner = new THREE.Vector3(sx * extent.x, sy * extent.y, sz * extent.z);
        const towards = corner.dot(direction); // how much nearer the camera than the target
        distance = Math.max(
          distance,
          towards + Math.abs(corner.dot(right)) / tanX,
          towards + Math.abs(corner.dot(up)) / tanY,
        );
      }
  return distance * 1.1;
}

interface Scene {
  scene: THREE.Scene;
  /** Half extents of the laid-out tensors, for framing the camera. */
  extent: THREE.Vector3;
  /** Names placed over the canvas; `end` labels sit left of their point. */
  labels: { text: string; at: THREE.Vector3; end?: boolean }[];
  owned: { dispose(): void }[];
}

function buildScene(data: TensorView3dData, channels: number[], max: number): Scene {
  const [h, w, c] = data.shape;
  const owned: { dispose(): void }[] = [];
  const own = <T extends { dispose(): void }>(x: T): T => (owned.push(x), x);
  const sx = (PLANE * w) / Math.max(h, w);
  const sy = (PLANE * h) / Math.max(h, w);
  const k = channels.length;
  const spacing = Math.min(0.3, 6 / k);
  const depth = spacing * (k - 1);
  const cube = 0.4;
  const gap = 1.2;
  const xU = sx / 2;
  const xZ = sx + gap + cube / 2;
  const xS = xZ + cube + gap * 0.6;
  const xX = xS + cube / 2 + gap + sx / 2;
  const length = xX + sx / 2;
  const group = new THREE.Group();
  group.position.set(-length / 2, 0, depth / 2);
  const diverging = colourTable(puOr, -max, max);
  const cividis = colourTable(d3.interpolateCividis, 0, 1);
  const edges = new THREE.LineBasicMaterial({ color: "#8a8a8a" });
  own(edges);

  function outline(x: number, width: number, height: number): void {
    const box = own(new THREE.BoxGeometry(width, height, depth + spacing));
    const lines = new THREE.LineSegments(own(new THREE.EdgesGeometry(box)), edges);
    lines.position.set(x, 0, -depth / 2);
    group.add(lines);
  }

  function slab(values: Float32Array, x: number): void {
    const pixels = new Uint8Array(w * h * k * 4);
    for (let layer = 0; layer < k; layer++) {
      for (let i = 0; i < h; i++) {
        for (let j = 0; j < w; j++) {
          // Texture rows run bottom to top; image row 0 is the top of the plane.
          const o = ((layer * h + (h - 1 - i)) * w + j) * 4;
          pixels.set(diverging(values[(i * w + j) * c + channels[layer]]), o);
          pixels[o + 3] = 255;
        }
      }
    }
    const texture = own(new THREE.DataArrayTexture(pixels, w, h, k));
    texture.magFilter = texture.minFilter = THREE.NearestFilter;
    texture.needsUpdate = true;
    const material = own(
      new THREE.ShaderMaterial({
        uniforms: { maps: { value: texture } },
        vertexShader: SLAB_VERTEX,
        fragmentShader: SLAB_FRAGMENT,
        side: THREE.DoubleSide,
      }),
    );
    const mesh = new THREE.InstancedMesh(own(new THREE.PlaneGeometry(sx, sy)), material, k);
    const matrix = new THREE.Matrix4();
    for (let layer = 0; layer < k; layer++)
      mesh.setMatrixAt(layer, matrix.makeTranslation(x, 0, -layer * spacing));
    group.add(mesh);
    outline(x, sx, sy);
  }

  function column(values: Float32Array, x: number, colour: (v: number) => Uint8Array): void {
    const mesh = new THREE.InstancedMesh(
      own(new THREE.BoxGeometry(cube, cube, spacing * 0.8)),
      own(new THREE.MeshBasicMaterial()),
      k,
    );
    const matrix = new THREE.Matrix4();
    const rgb = new THREE.Color();
    channels.forEach((ch, layer) => {
      mesh.setMatrixAt(layer, matrix.makeTranslation(x, 0, -layer * spacing));
      const [r, g, b] = colour(values[ch]);
      mesh.setColorAt(layer, rgb.setRGB(r / 255, g / 255, b / 255, THREE.SRGBColorSpace));
    });
    group.add(mesh);
    outline(x, cube, cube);
  }

  slab(data.u, xU);
  column(data.z, xZ, diverging);
  column(data.s, xS, cividis);
  slab(data.xt, xX);
  const scene = new THREE.Scene();
  scene.add(group);
  scene.updateMatrixWorld();
  const world = (x: number, y: number, z: number) => group.localToWorld(new THREE.Vector3(x, y, z));
  const below = -sy / 2 - 0.4;
  return {
    scene,
    extent: new THREE.Vector3(length / 2, sy / 2 + 0.4, depth / 2 + spacing),
    labels: [
      { text: `U ${h}×${w}×${c}`, at: world(xU, below, 0) },
      { text: "z", at: world(xZ, -cube / 2 - 0.4, 0) },
      { text: "s", at: world(xS, -cube / 2 - 0.4, 0) },
      { text: "X̃ = s·U", at: world(xX, below, 0) },
      { text: `channel ${channels[0]}`, at: world(-0.15, sy / 2, 0), end: true },
      ...(k > 1 ? [{ text: `channel ${channels[k - 1]}`, at: world(-0.15, sy / 2, -depth), end: true }] : []),
    ],
    owned,
  };
}

export function tensorView3d(data: TensorView3dData, options: TensorView3dOptions): HTMLElement {
  validate(data);
  const { width, maxChannels = 64, focusChannel = 0, forceFallback = false, signal } = options;
  const height = options.height ?? Math.round(Math.min(480, Math.max(260, width * 0.55)));
  const [h, w, c] = data.shape;
  const k = Math.min(c, maxChannels);
  const first = Math.max(0, Math.min(c - k, focusChannel - Math.floor(k / 2))); // the focus near the middle
  const channels = d3.range(first, first + k);
  let max = 0;
  for (let p = 0; p < h * w; p++)
    for (const ch of channels) max = Math.max(max, Math.abs(data.u[p * c + ch]));
  max ||= 1;
  const id = `se-tensor3d-${++views}`;

  const root = document.createElement("figure");
  root.className = "se-tensor3d";
  const caption = document.createElement("figcaption");
  caption.id = `${id}-summary`;
  caption.textContent = summaryText(data, channels, max, false);
  const showFallback = (why: string) => {
    root.dataset.renderer = "fallback";
    caption.textContent = summaryText(data, channels, max, true);
    root.replaceChildren(...fallback(data, channels, max, width, why), caption);
  };

  const canvas = document.createElement("canvas");
  const gl = forceFallback
    ? null
    : canvas.getContext("webgl2", { alpha: true, antialias: true, preserveDrawingBuffer: true });
  if (!gl) {
    showFallback(forceFallback ? "2D view requested" : "this browser does not provide WebGL 2");
    return root;
  }

  let renderer: THREE.WebGLRenderer;
  let built: Scene;
  let shaderError = false;
  try {
    renderer = new THREE.WebGLRenderer({ canvas, context: gl, alpha: true, antialias: true });
    renderer.debug.onShaderError = () => (shaderError = true);
    renderer.setPixelRatio(Math.min(devicePixelRatio, 2));
    renderer.setSize(width, height);
    built = buildScene(data, channels, max);
  } catch (error) {
    gl.getExtension("WEBGL_lose_context")?.loseContext();
    showFallback(`the 3D renderer failed: ${(error as Error).message}`);
    return root;
  }
  const { scene, extent, owned } = built;

  const camera = new THREE.PerspectiveCamera(20, width / height, 0.1, 500);
  const distance = fitDistance(camera, VIEW, extent);
  camera.position.copy(VIEW).multiplyScalar(distance);
  const controls = new OrbitControls(camera, canvas);
  controls.minDistance = distance * 0.3;
  controls.maxDistance = distance * 3;
  controls.autoRotateSpeed = TURN_SPEED;
  // The page keeps its scrolling: the wheel zooms only with Ctrl or ⌘ held (below), and on a touch screen a vertical
  // swipe scrolls while a sideways drag rotates (OrbitControls would take both).
  controls.enableZoom = false;
  canvas.style.touchAction = "pan-y";
  controls.update();
  controls.saveState();

  canvas.tabIndex = 0;
  // It takes arrow keys (rotate), + and − (zoom) and Home: an image role would let a screen reader's browse mode
  // swallow them.
  canvas.setAttribute("role", "application");
  canvas.setAttribute("aria-roledescription", "3D view");
  canvas.setAttribute("aria-label", `${data.block} in 3D: U, z, s and X̃ side by side`);
  canvas.setAttribute("aria-describedby", caption.id);
  const stage = document.createElement("div");
  stage.className = "se-tensor3d-stage";
  stage.style.width = `${width}px`;
  stage.style.height = `${height}px`;
  const labels = built.labels.map(({ text, at, end }) => {
    const label = document.createElement("span");
    label.className = "se-tensor3d-label";
    label.setAttribute("aria-hidden", "true");
    label.textContent = text;
    return { label, at, shift: end ? "-100%" : "-50%" };
  });
  stage.append(canvas, ...labels.map((l) => l.label));

  const toggle = document.createElement("button");
  toggle.type = "button";
  toggle.textContent = "Auto-rotate";
  const hint = document.createElement("span");
  hint.className = "se-tensor3d-hint";
  hint.textContent =
    "Drag to rotate (sideways on a touch screen, where a vertical swipe scrolls the page), Ctrl + scroll to zoom; or focus the view and use the arrow keys to rotate, + and − to zoom, Home to reset.";
  const bar = document.createElement("div");
  bar.className = "se-tensor3d-controls";
  bar.append(toggle, hint);
  root.dataset.renderer = "webgl";
  root.append(stage, bar, legend(max), caption);

  let frames = 0;
  let raf = 0;
  let last = 0;
  let turned = 0;
  let visible = true;
  let rotating = false;
  let connected = false;
  let disposed = false;
  const point = new THREE.Vector3();

  function render(): void {
    renderer.render(scene, camera);
    for (const { label, at, shift } of labels) {
      point.copy(at).project(camera);
      label.hidden = point.z > 1;
      label.style.transform = `translate(${((point.x + 1) / 2) * width}px, ${((1 - point.y) / 2) * height}px) translate(${shift}, -50%)`;
    }
    root.dataset.frames = String(++frames);
  }
  function requestRender(): void {
    if (!raf && !disposed) raf = requestAnimationFrame(frame);
  }
  function frame(now: number): void {
    raf = 0;
    if (controls.autoRotate) {
      const dt = last ? Math.min(0.1, (now - last) / 1000) : 0;
      last = now;
      controls.update(dt);
      turned += ((2 * Math.PI) / 60) * TURN_SPEED * dt;
      if (turned >= 2 * Math.PI) setRotating(false); // one turn shows the depth; then hold still
    }
    render();
    if (controls.autoRotate) requestRender();
  }
  function setRotating(on: boolean): void {
    rotating = on;
    controls.autoRotate = on && visible;
    last = 0;
    if (!on) turned = 0;
    toggle.setAttribute("aria-pressed", String(on));
    root.dataset.autoRotate = String(on);
    if (controls.autoRotate) requestRender();
  }

  const reducedMotion = matchMedia("(prefers-reduced-motion: reduce)");
  const onMotionPreference = () => reducedMotion.matches && setRotating(false);
  reducedMotion.addEventListener("change", onMotionPreference);
  toggle.addEventListener("click", () => setRotating(!rotating));
  controls.addEventListener("change", requestRender);
  controls.addEventListener("start", () => setRotating(false)); // the reader took over
  canvas.addEventListener(
    "wheel",
    (event) => {
      if (!(event.ctrlKey || event.metaKey)) return; // the page scrolls
      event.preventDefault();
      setRotating(false);
      controls.dollyIn(event.deltaY < 0 ? 0.9 : 1 / 0.9);
    },
    { passive: false },
  );
  canvas.addEventListener("keydown", (event) => {
    const moves: Record<string, () => void> = {
      ArrowLeft: () => controls.rotateLeft(KEY_STEP),
      ArrowRight: () => controls.rotateLeft(-KEY_STEP),
      ArrowUp: () => controls.rotateUp(KEY_STEP),
      ArrowDown: () => controls.rotateUp(-KEY_STEP),
      "+": () => controls.dollyIn(0.85), // OrbitControls' dollyIn scales the distance
      "=": () => controls.dollyIn(0.85),
      "-": () => controls.dollyIn(1 / 0.85),
      Home: () => controls.reset(),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    setRotating(false);
    move();
  });
  const onContextLost = () => {
    if (disposed) return;
    dispose();
    showFallback("the WebGL context was lost");
  };
  canvas.addEventListener("webglcontextlost", onContextLost);
  const intersection = new IntersectionObserver(([entry]) => {
    visible = entry.isIntersecting;
    setRotating(rotating);
  });
  intersection.observe(canvas);
  const removal = new MutationObserver(() => {
    if (root.isConnected) connected = true;
    else if (connected) dispose();
  });
  removal.observe(document.documentElement, { childList: true, subtree: true });
  signal?.addEventListener("abort", dispose, { once: true });

  function dispose(): void {
    if (disposed) return;
    disposed = true;
    cancelAnimationFrame(raf);
    intersection.disconnect();
    removal.disconnect();
    reducedMotion.removeEventListener("change", onMotionPreference);
    signal?.removeEventListener("abort", dispose);
    controls.dispose();
    for (const resource of owned) resource.dispose();
    renderer.dispose();
    renderer.getContext().getExtension("WEBGL_lose_context")?.loseContext();
    root.dataset.state = "disposed";
  }

  render();
  if (shaderError) {
    dispose();
    showFallback("the 3D renderer could not compile its shaders");
    return root;
  }
  root.dataset.state = "live";
  setRotating(!reducedMotion.matches);
  if (signal?.aborted) dispose();
  return root;
}
