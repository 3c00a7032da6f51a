// Data loader: the paper's Figure 8 protocol on the site's default model (data/models/fashion-default), using
// the shipped Fashion-MNIST test subset (50 images per class). Without an installed default model it says so.
import { existsSync, readFileSync } from "node:fs";
import { parseFashionSubset } from "../lib/fashionSubset.js";
import { profileModelDir } from "../../cli/excitationRun.js";

const MODEL = "data/models/fashion-default";
if (!existsSync(`${MODEL}/model.json`)) {
  process.stdout.write(JSON.stringify({ available: false, reason: `${MODEL} is not installed` }));
} else {
  const subset = parseFashionSubset(
    new Uint8Array(readFileSync("data/fashion/test-subset.bin")),
    JSON.parse(readFileSync("data/fashion/test-subset.json", "utf8")),
  );
  const images = subset.images.map((data) => ({ width: 28, height: 28, channels: 1, data }));
  const profiles = await profileModelDir(MODEL, images, subset.labels, subset.classNames);
  process.stdout.write(JSON.stringify({ available: true, modelDir: MODEL, ...profiles }));
}
