// Data loader: the shipped Fashion-MNIST test subset's pixels (500 × 28 × 28 uint8; see test-subset.json).
import { readFileSync } from "node:fs";

process.stdout.write(readFileSync("data/fashion/test-subset.bin"));
