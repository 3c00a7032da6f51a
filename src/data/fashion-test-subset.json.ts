// Data loader: labels, test-set indices, class names and provenance of the shipped Fashion-MNIST test subset.
import { readFileSync } from "node:fs";

process.stdout.write(readFileSync("data/fashion/test-subset.json"));
