// Public pretrained checkpoints the `weights download` command knows: where the Hugging Face hub keeps
// them, which preset of our builder they are, and their evaluation preprocessing (from timm's
// pretrained configs). Accuracies are those noted in shared/paper/NOTES.md (ImageNet val, 224).
import type { Interpolation } from "../preprocess.js";
import type { Naming } from "./naming.js";

export interface PretrainedSource {
  /** timm model name with its pretrained tag, also the hub repository `timm/<name>`. */
  name: string;
  /** Builder preset (src/lib/models/config.ts). */
  arch: string;
  naming: Naming;
  cropPct: number;
  interpolation: Interpolation;
  /** Published top-1 / top-5 accuracy (%) at 224, where NOTES.md records it. */
  accuracy?: [number, number];
  note: string;
}

export const PRETRAINED: readonly PretrainedSource[] = [
  {
    name: "seresnet50.ra2_in1k",
    arch: "seresnet50",
    naming: "timm",
    cropPct: 0.875,
    interpolation: "bicubic",
    accuracy: [80.26, 95.07],
    note: "timm SE-ResNet-50, RandAugment recipe; stride on the 3×3",
  },
  {
    name: "seresnet50.a1_in1k",
    arch: "seresnet50",
    naming: "timm",
    cropPct: 0.95,
    interpolation: "bicubic",
    accuracy: [80.01, 94.7],
    note: "timm SE-ResNet-50, 'ResNet strikes back' A1 recipe",
  },
  {
    name: "legacy_seresnet50.in1k",
    arch: "se_resnet50",
    naming: "pretrainedmodels",
    cropPct: 0.875,
    interpolation: "bilinear",
    accuracy: [77.65, 93.73],
    note: "the authors' Caffe SE-ResNet-50 (pretrainedmodels se_resnet50); stride on the first 1×1",
  },
  {
    name: "resnet50.a1_in1k",
    arch: "resnet50",
    naming: "timm",
    cropPct: 0.95,
    interpolation: "bicubic",
    note: "timm ResNet-50 without SE, for SE / no-SE comparisons",
  },
  {
    name: "seresnext50_32x4d.racm_in1k",
    arch: "seresnext50_32x4d",
    naming: "timm",
    cropPct: 0.875,
    interpolation: "bicubic",
    note: "timm SE-ResNeXt-50 (32×4d)",
  },
  {
    name: "legacy_seresnext50_32x4d.in1k",
    arch: "se_resnext50_32x4d",
    naming: "pretrainedmodels",
    cropPct: 0.875,
    interpolation: "bilinear",
    note: "the authors' SE-ResNeXt-50 (pretrainedmodels se_resnext50_32x4d)",
  },
  {
    name: "legacy_senet154.in1k",
    arch: "senet154",
    naming: "pretrainedmodels",
    cropPct: 0.875,
    interpolation: "bilinear",
    note: "the authors' SENet-154 (pretrainedmodels senet154)",
  },
];

export const HUGGING_FACE = "https://huggingface.co";

/** The safetensors file of a timm model on the hub (`base` replaces the hub's address, e.g. a mirror). */
export function hubUrl(name: string, base = HUGGING_FACE): string {
  return `${base.replace(/\/$/, "")}/timm/${name}/resolve/main/model.safetensors`;
}
