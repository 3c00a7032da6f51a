// What the network sees: the reader's image with the region the center crop keeps outlined, beside the network
// input itself (the resized crop, denormalised, drawn pixel for pixel), with notes on how the file was treated.
import type { NetworkInput } from "../lib/networkInput.js";
import type { RawImage } from "../lib/preprocess.js";

function toRgba(image: RawImage): Uint8ClampedArray<ArrayBuffer> {
  const { width, height, channels, data } = image;
  const out = new Uint8ClampedArray(width * height * 4);
  if (channels === 4) out.set(data);
  else
    for (let p = 0; p < width * height; p++) {
      for (let c = 0; c < 3; c++) out[p * 4 + c] = data[p * channels + (channels === 1 ? 0 : c)];
      out[p * 4 + 3] = 255;
    }
  return out;
}

function figure(content: HTMLElement, caption: string): HTMLElement {
  const f = document.createElement("figure");
  const c = document.createElement("figcaption");
  c.textContent = caption;
  f.append(content, c);
  return f;
}

export function preprocessingView(
  image: RawImage,
  input: NetworkInput,
  {
    size = 224,
    inputSize,
    grey,
    notes,
  }: { size?: number; inputSize: number; grey: boolean; notes: string[] },
): HTMLElement {
  const root = document.createElement("div");
  root.className = "se-preprocess";
  const scale = size / Math.max(image.width, image.height);
  const shown = document.createElement("canvas");
  shown.width = image.width;
  shown.height = image.height;
  shown.style.width = `${Math.round(image.width * scale)}px`;
  shown.style.height = `${Math.round(image.height * scale)}px`;
  shown.className = "se-preprocess-image";
  shown.setAttribute("role", "img");
  shown.setAttribute(
    "aria-label",
    `your image, ${image.width}×${image.height} pixels, with the crop the network takes outlined`,
  );
  shown.getContext("2d")?.putImageData(new ImageData(toRgba(image), image.width, image.height), 0, 0);
  // The crop box is an overlay rather than pixels on the canvas, so it stays crisp however small the image is.
  const box = document.createElement("div");
  box.className = "se-preprocess-crop";
  const crop = input.crop;
  Object.assign(box.style, {
    left: `${(100 * crop.x) / image.width}%`,
    top: `${(100 * crop.y) / image.height}%`,
    width: `${(100 * crop.width) / image.width}%`,
    height: `${(100 * crop.height) / image.height}%`,
  });
  const framed = document.createElement("div");
  framed.className = "se-preprocess-framed";
  framed.append(shown, box);
  const net = document.createElement("canvas");
  net.width = net.height = inputSize;
  net.style.width = net.style.height = `${size}px`;
  net.className = "se-preprocess-input";
  net.setAttribute("role", "img");
  net.setAttribute(
    "aria-label",
    `the network input, ${inputSize}×${inputSize} ${grey ? "grey" : "colour"} pixels`,
  );
  net
    .getContext("2d")
    ?.putImageData(new ImageData(new Uint8ClampedArray(input.pixels), inputSize, inputSize), 0, 0);
  root.append(
    figure(
      framed,
      Math.round(crop.width) === image.width && Math.round(crop.height) === image.height
        ? `Your image, ${image.width}×${image.height}: the network keeps all of it.`
        : `Your image, ${image.width}×${image.height}; the dashed box (${Math.round(crop.width)}×${Math.round(crop.height)}) is what the network keeps.`,
    ),
    figure(net, `What the network sees: ${inputSize}×${inputSize}, ${grey ? "grey" : "RGB"}.`),
  );
  if (notes.length) {
    const list = document.createElement("ul");
    list.className = "se-preprocess-notes";
    for (const note of notes) list.append(Object.assign(document.createElement("li"), { textContent: note }));
    root.append(list);
  }
  return root;
}
