// The site's table of contents: one entry per chapter that exists. Chapters join as their issues land.

export const SITE_TITLE = "SE Explorer";

export interface Chapter {
  name: string;
  path: string;
}

export const chapters: Chapter[] = [
  { name: "Overview", path: "/" },
  { name: "The SE block, step by step", path: "/se-block" },
  { name: "SE-ResNet-50, layer by layer", path: "/architecture" },
  { name: "The reduction ratio r", path: "/reduction-ratio" },
  { name: "Excitation across classes", path: "/excitations" },
  { name: "Inspect an image", path: "/inspect" },
  { name: "Backends on this machine", path: "/backends" },
  { name: "Benchmarks", path: "/benchmarks" },
];
