// Small multiples of feature maps: one tile per channel of an [H, W, C] map (NHWC, one image), drawn on canvases
// with a diverging purple–orange scale (readable with colour-vision deficiencies) centred on 0. Tiles carry
// data-channel so hovering one highlights the same channel in every other view.
import * as d3 from "d3";

export interface FeatureMapsOptions {
  width: number;
  /** [H, W, C] of `values`. */
  shape: [number, number, number];
  /** Channels to show (default: all). */
  channels?: number[];
  /** Symmetric colour domain ±max (share it between views to compare them). */
  max: number;
  label: string;
  /** The caption under a channel's tile (default: the channel's number). */
  caption?: (channel: number) => string;
}

export function featureMaps(values: Float32Array, options: FeatureMapsOptions): HTMLElement {
  const { width, shape, max, label, caption = String } = options;
  const [h, w, c] = shape;
  if (values.length < h * w * c) throw new Error(`featureMaps: ${values.length} values for shape [${shape}]`);
  const channels = options.channels ?? d3.range(c);
  const colour = d3.scaleDiverging(d3.interpolatePuOr).domain([max, 0, -max]);
  const columns = Math.max(1, Math.min(channels.length, Math.floor(width / 56)));
  const tile = Math.floor(Math.min(96, width / columns - 6));
  const grid = document.createElement("div");
  grid.className = "se-maps";
  grid.setAttribute("role", "group");
  grid.setAttribute("aria-label", label);
  grid.style.gridTemplateColumns = `repeat(${columns}, ${tile}px)`;
  for (const ch of channels) {
    const canvas = document.createElement("canvas");
    canvas.width = w;
    canvas.height = h;
    canvas.style.width = canvas.style.height = `${tile}px`;
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", `${label}: channel ${ch}, ${h}×${w}`);
    const context = canvas.getContext("2d");
    if (context) {
      const image = context.createImageData(w, h);
      for (let p = 0; p < h * w; p++) {
        const rgb = d3.rgb(colour(values[p * c + ch]));
        image.data.set([rgb.r, rgb.g, rgb.b, 255], p * 4);
      }
      context.putImageData(image, 0, 0);
    }
    const figure = document.createElement("figure");
    figure.className = "se-map";
    figure.dataset.channel = String(ch);
    figure.tabIndex = 0;
    figure.setAttribute("aria-label", `channel ${ch}`);
    const figcaption = document.createElement("figcaption");
    figcaption.textContent = caption(ch);
    figure.append(canvas, figcaption);
    grid.append(figure);
  }
  return grid;
}
