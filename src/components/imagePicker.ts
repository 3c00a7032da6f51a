// Where the reader's image comes from: a file picker, drag and drop, paste, or one of the shipped Fashion-MNIST
// test images. An Observable view: `value` is the current image and an "input" event fires when a new one is
// ready. A file that cannot be used leaves the current image in place and says why. Decoding is asynchronous, so a
// ticket per request keeps an older, slower file from replacing a newer one.
import { ImageInputError } from "../lib/imageFormat.js";
import { latest } from "../lib/latest.js";
import type { RawImage } from "../lib/preprocess.js";
import { decodeImage } from "./decodeImage.js";
import type { ProgressStatus } from "./progressStatus.js";

export interface PickedImage {
  /** "test image 37 (Trouser)" or the file's name. */
  name: string;
  image: RawImage;
  transparent: boolean;
  /** Facts about the file for the reader (format details, downscaling). */
  notes: string[];
  /** Index into the samples, for a shipped test image. */
  sample?: number;
}

export interface Sample {
  label: string;
  /** 28×28 grey pixels. */
  pixels: Uint8Array;
}

export interface ImagePickerOptions {
  samples: Sample[];
  /** Sample shown first. */
  initial: number;
  /** Accessible name of the whole control, e.g. "image to inspect". */
  label: string;
  /** Smallest shorter side a large image keeps when the browser downscales it. */
  minShorter: number;
  status?: ProgressStatus;
  /** Take images pasted anywhere on the page (one picker per page should). */
  paste?: boolean;
}

export interface ImagePicker extends HTMLElement {
  value: PickedImage;
}

function sampleImage(samples: Sample[], index: number): PickedImage {
  const { label, pixels } = samples[index];
  return {
    name: `test image ${index} (${label})`,
    image: { width: 28, height: 28, channels: 1, data: pixels },
    transparent: false,
    notes: [],
    sample: index,
  };
}

function thumbnail(pixels: Uint8Array, size: number): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 28;
  canvas.style.width = canvas.style.height = `${size}px`;
  const context = canvas.getContext("2d");
  if (context) {
    const image = context.createImageData(28, 28);
    pixels.forEach((v, i) => image.data.set([v, v, v, 255], i * 4));
    context.putImageData(image, 0, 0);
  }
  return canvas;
}

export function imagePicker(options: ImagePickerOptions): ImagePicker {
  const { samples, label, minShorter, status } = options;
  if (!(options.initial >= 0 && options.initial < samples.length))
    throw new Error(`sample ${options.initial} does not exist (0–${samples.length - 1})`);
  const root = document.createElement("div") as unknown as ImagePicker;
  root.className = "se-picker";
  root.setAttribute("role", "group");
  root.setAttribute("aria-label", label);
  const tickets = latest();
  const message = document.createElement("p");
  message.className = "se-picker-message";
  message.setAttribute("aria-live", "polite");
  const current = document.createElement("p");
  current.className = "se-picker-current";

  const publish = (picked: PickedImage) => {
    root.value = picked;
    current.textContent = `Showing ${picked.name}.`;
    root.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const say = (text: string, kind: "error" | "note") => {
    message.textContent = text;
    message.dataset.kind = kind;
    message.setAttribute("role", kind === "error" ? "alert" : "status");
  };

  const useFile = async (file: File) => {
    const ticket = tickets.next();
    const name = file.name || "pasted image";
    say(`Opening “${name}”…`, "note");
    try {
      const work = decodeImage(file, name, minShorter);
      const decoded = await (status ? status.track(`decoding “${name}”`, work) : work);
      if (!tickets.isCurrent(ticket)) return; // a newer image was given meanwhile; it wins
      const notes = [...decoded.facts.notes];
      if (decoded.original)
        notes.push(
          `Downscaled from ${decoded.original.width}×${decoded.original.height} to ` +
            `${decoded.image.width}×${decoded.image.height} while decoding.`,
        );
      say(notes.join(" "), "note");
      number.value = ""; // the image is no test image now
      publish({ name, image: decoded.image, transparent: decoded.transparent, notes });
    } catch (error) {
      if (!tickets.isCurrent(ticket)) return;
      const text = error instanceof ImageInputError ? error.message : `Could not open “${name}”: ${error}`;
      say(`${text} The previous image stays.`, "error");
    }
  };
  const useSample = (index: number) => {
    tickets.next(); // a file still decoding must not replace the sample chosen after it
    say("", "note");
    number.value = String(index); // a thumbnail click, too, so that the arrows step from the image shown
    publish(sampleImage(samples, index));
  };

  const fileInput = document.createElement("input");
  fileInput.type = "file";
  fileInput.accept = "image/*";
  fileInput.addEventListener("change", () => {
    const file = fileInput.files?.[0];
    if (file) void useFile(file);
    fileInput.value = ""; // choosing the same file again still counts
  });
  const fileLabel = document.createElement("label");
  fileLabel.className = "se-picker-file";
  fileLabel.append("Choose an image ", fileInput);

  const drop = document.createElement("div");
  drop.className = "se-picker-drop";
  drop.textContent = options.paste
    ? "…or drop one here, or paste one (Ctrl+V / ⌘V). Your image never leaves this browser."
    : "…or drop one here. Your image never leaves this browser.";
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("se-dragging");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("se-dragging"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("se-dragging");
    const file = e.dataTransfer?.files[0];
    if (file) void useFile(file);
    else say("Nothing to open was dropped: drop an image file.", "error");
  });
  if (options.paste) {
    const onPaste = (e: ClipboardEvent) => {
      if (!root.isConnected) return document.removeEventListener("paste", onPaste);
      const file = [...(e.clipboardData?.files ?? [])][0];
      if (!file) return; // pasted text belongs to whatever field has focus
      e.preventDefault();
      void useFile(file);
    };
    document.addEventListener("paste", onPaste);
  }

  const gallery = document.createElement("div");
  gallery.className = "se-picker-samples";
  const firstOfEach = new Map<string, number>();
  samples.forEach((s, i) => firstOfEach.has(s.label) || firstOfEach.set(s.label, i));
  for (const [name, index] of firstOfEach) {
    const button = document.createElement("button");
    button.type = "button";
    button.title = `test image ${index}: ${name}`;
    button.setAttribute("aria-label", `test image ${index}: ${name}`);
    button.dataset.sample = String(index);
    button.append(thumbnail(samples[index].pixels, 36));
    button.addEventListener("click", () => useSample(index));
    gallery.append(button);
  }
  const numberLabel = document.createElement("label");
  const number = document.createElement("input");
  number.type = "number";
  number.min = "0";
  number.max = String(samples.length - 1);
  number.value = String(options.initial);
  number.addEventListener("change", () => {
    const range = `0 to ${samples.length - 1}`;
    // a number field reports "" both when emptied and when what was typed is no number (Number("") would be 0)
    if (number.value === "") {
      say(
        number.validity.badInput
          ? `That is not a number: type a test image from ${range}. The current image stays.`
          : `Type a test image number from ${range}. The current image stays.`,
        "error",
      );
      return;
    }
    const index = Number(number.value);
    if (Number.isInteger(index) && index >= 0 && index < samples.length) useSample(index);
    else say(`There are test images ${range}; ${number.value} is not one of them.`, "error");
  });
  numberLabel.append(`or test image (0–${samples.length - 1}) `, number);
  gallery.append(numberLabel);

  const sampleLine = document.createElement("p");
  sampleLine.textContent = "Shipped Fashion-MNIST test images (one per class):";
  root.append(fileLabel, drop, sampleLine, gallery, current, message);
  root.value = sampleImage(samples, options.initial);
  current.textContent = `Showing ${root.value.name}.`;
  return root;
}
