// A 28×28 drawing pad for a Fashion-MNIST-style image (light strokes on black, like the dataset), usable as an
// Observable view: `value` is the image as 784 uint8 pixels, and an "input" event fires after each stroke.
// Keyboard users can load a sample instead (the page passes them in).

export interface DrawingPad extends HTMLElement {
  value: Uint8Array;
}

export function drawingPad({
  size = 196,
  samples = [] as { label: string; pixels: Uint8Array }[],
} = {}): DrawingPad {
  const root = document.createElement("div") as unknown as DrawingPad;
  root.className = "se-pad";
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 28;
  canvas.style.width = canvas.style.height = `${size}px`;
  canvas.setAttribute("aria-label", "drawing area, 28 by 28 pixels");
  const context = canvas.getContext("2d", { willReadFrequently: true })!;
  const emit = () => {
    const rgba = context.getImageData(0, 0, 28, 28).data;
    root.value = Uint8Array.from({ length: 784 }, (_, i) => rgba[i * 4]);
    root.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const clear = () => {
    context.fillStyle = "black";
    context.fillRect(0, 0, 28, 28);
  };
  const show = (pixels: Uint8Array) => {
    const image = context.createImageData(28, 28);
    pixels.forEach((v, i) => image.data.set([v, v, v, 255], i * 4));
    context.putImageData(image, 0, 0);
  };
  clear();
  let drawing = false;
  const point = (e: PointerEvent) => {
    const box = canvas.getBoundingClientRect();
    return [((e.clientX - box.left) / box.width) * 28, ((e.clientY - box.top) / box.height) * 28];
  };
  canvas.addEventListener("pointerdown", (e) => {
    drawing = true;
    canvas.setPointerCapture(e.pointerId);
    const [x, y] = point(e);
    context.beginPath();
    context.moveTo(x, y);
  });
  canvas.addEventListener("pointermove", (e) => {
    if (!drawing) return;
    const [x, y] = point(e);
    context.strokeStyle = "white";
    context.lineWidth = 2.2;
    context.lineCap = context.lineJoin = "round";
    context.lineTo(x, y);
    context.stroke();
  });
  canvas.addEventListener("pointerup", () => {
    if (!drawing) return;
    drawing = false;
    emit();
  });
  const buttons = document.createElement("div");
  const button = (label: string, action: () => void) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.addEventListener("click", () => {
      action();
      emit();
    });
    buttons.append(b);
  };
  button("clear", clear);
  for (const sample of samples) button(sample.label, () => show(sample.pixels));
  root.append(canvas, buttons);
  root.value = new Uint8Array(784);
  return root;
}
