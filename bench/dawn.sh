#!/usr/bin/env bash
# SE-ResNet-50 vs ResNet-50 on tfjs-webgpu with a real GPU, for a machine that has one but no browser and no network
# (the workplace's device machines): Node runs bench/net.ts's "node-webgpu" runtime on dawn.node (bench/dawn.ts).
#
#   bash bench/dawn.sh prepare   here: fills bench/.device/ (git-ignored, ~35 MB) with a bundle of bench/net.ts,
#                                dawn.node, the Vulkan loader, a Node binary and the commit being measured
#   bash bench/dawn.sh run       there (device `run`, carry ["bench/.device"]): times the pair on the GPU on the
#                                paths auto (the fused WGSL block), fold and ops, then on the CPU (tfjs-wasm, one
#                                thread, path auto); writes bench/results/se-overhead-webgpu.json and
#                                se-overhead-quiet-wasm.json (copies in $OUT), which the Benchmarks chapter shows
#   bash bench/dawn.sh profile   there: bench/gpuProfile.ts, where SE-ResNet-50's extra time goes on that GPU;
#                                writes bench/results/gpu-profile.json (a copy in $OUT)
#
# Overrides for `run`: RUNS (GPU rounds, default 201), WARMUP (10), WASM_RUNS (CPU rounds, 301; 0 skips the CPU
# half), SIZE (224);
# DAWN_ICD, a Vulkan driver manifest (default: the NVIDIA one where the device machines mount it; else Chromium's
# SwiftShader one, to try the script here).
set -euo pipefail
cd "$(dirname "$0")/.."
D=bench/.device
DAWN_VERSION=0.6.2

prepare() {
  rm -rf "$D" && mkdir -p "$D/node_modules/webgpu/dist/linux-x64" "$D/lib"
  local tmp
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' RETURN
  # dawn.node from npm, only the linux-x64 build (the package holds every platform's: 51 MB).
  (cd "$tmp" && npm pack --silent "webgpu@$DAWN_VERSION" >/dev/null && tar xzf "webgpu-$DAWN_VERSION.tgz")
  cp "$tmp/package/package.json" "$tmp/package/index.js" "$D/node_modules/webgpu/"
  xz -T2 -6 -c "$tmp/package/dist/linux-x64/dawn.node" >"$D/dawn.node.xz"
  # The Vulkan loader (Debian's libvulkan1) and GLVND (libGLdispatch, libGLX …): the device image has the NVIDIA
  # driver but lacks both, and without GLVND the driver's Vulkan ICD, libGLX_nvidia, creates no instance.
  chmod a+rwx "$tmp" # apt-get downloads as its own user
  (cd "$tmp" && apt-get download libvulkan1 libglvnd0 libglx0 libegl1 libgl1 >/dev/null &&
    for f in *.deb; do dpkg -x "$f" vk; done)
  cp -P "$tmp"/vk/usr/lib/x86_64-linux-gnu/lib*.so.* "$D/lib/"
  # This machine's libstdc++, for a system whose own is older than dawn.node needs (GLIBCXX_3.4.30, GCC 12).
  mkdir -p "$D/compat" && cp /usr/lib/x86_64-linux-gnu/libstdc++.so.6 "$D/compat/"
  # This machine's Node, in case the device has none (it is a single static-enough binary: libc and libstdc++).
  xz -T2 -6 -c "$(command -v node)" >"$D/node.xz"
  # Split, so that the browser runtimes' chunk (and its playwright-core import) is never loaded there.
  npx esbuild bench/net.ts bench/gpuProfile.ts --bundle --splitting --platform=node --format=esm --outdir="$D/net" \
    --out-extension:.js=.mjs --log-level=error --external:webgpu --external:playwright-core \
    --banner:js="import { createRequire } from 'node:module'; import { dirname as __dirnameOf } from 'node:path'; import { fileURLToPath as __pathOf } from 'node:url'; const require = createRequire(import.meta.url); const __filename = __pathOf(import.meta.url); const __dirname = __dirnameOf(__filename);"
  cp node_modules/@tensorflow/tfjs-backend-wasm/dist/*.wasm "$D/net/" # tfjs-wasm looks beside its script
  local dirty=""
  git diff --quiet HEAD -- src/lib bench || dirty=" (with uncommitted changes to the measured code)"
  echo "$(git rev-parse HEAD)$dirty" >"$D/commit"
  du -sh "$D"
}

unxz_to() { # unxz_to FILE.xz DEST, with xz or Python's lzma
  if command -v xz >/dev/null; then xz -dc "$1" >"$2"; else
    python3 -c 'import lzma, shutil, sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2], "wb"))' "$1" "$2"
  fi
}

setup() { # sets node, gpu and runner, and the environment dawn.node needs
  [ -f "$D/net/net.mjs" ] || { echo "bench/.device is empty: run 'bash bench/dawn.sh prepare' first" >&2; exit 2; }
  [ -f "$D/node_modules/webgpu/dist/linux-x64/dawn.node" ] || unxz_to "$D/dawn.node.xz" "$D/node_modules/webgpu/dist/linux-x64/dawn.node"
  node=$(command -v node || true)
  if [ -z "$node" ] || ! "$node" -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)'; then
    node=/tmp/se-explorer-node && unxz_to "$D/node.xz" "$node" && chmod +x "$node"
  fi
  local icd=${DAWN_ICD:-}
  for f in /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json /usr/share/vulkan/icd.d/nvidia_icd.json \
    /usr/lib/chromium/vk_swiftshader_icd.json; do
    [ -n "$icd" ] || { [ -f "$f" ] && icd=$f; }
  done
  [ -n "$icd" ] || { echo "no Vulkan driver manifest found: set DAWN_ICD" >&2; exit 2; }
  export VK_DRIVER_FILES=$icd VK_ICD_FILENAMES=$icd
  export LD_LIBRARY_PATH="$PWD/$D/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  # dawn.node with the system's libstdc++ where it loads, else with the one carried beside it
  "$node" -e "require('$PWD/$D/node_modules/webgpu/dist/linux-x64/dawn.node')" 2>/dev/null ||
    export LD_LIBRARY_PATH="$PWD/$D/compat:$LD_LIBRARY_PATH"
  gpu=$(nvidia-smi --query-gpu=name,driver_version --format=csv,noheader 2>/dev/null | head -1 || true)
  echo "node $("$node" --version), Vulkan driver $icd${gpu:+, GPU $gpu}"
  export BENCH_COMMIT
  BENCH_COMMIT=$(cat "$D/commit")
  runner="esbuild bundle of bench/ run by bench/dawn.sh (Node $("$node" --version), dawn.node $DAWN_VERSION)"
}

run() {
  setup
  # The GPU: SE-ResNet-50 / ResNet-50 on our path (the fused WGSL block), the fold and the stock chain.
  BENCH_RUNNER="$runner${gpu:+ on a machine with one $gpu}" "$node" "$D/net/net.mjs" --backends node-webgpu \
    --paths auto,fold,ops --runs "${RUNS:-201}" --warmup "${WARMUP:-10}" --size "${SIZE:-224}" \
    --out bench/results/se-overhead-webgpu.json | grep -v '^  \['
  # A device run hands back only what it writes under $OUT: copy each record as soon as it exists, so that a run cut
  # off by its time limit still returns the GPU's.
  [ -z "${OUT:-}" ] || cp bench/results/se-overhead-webgpu.json "$OUT/"
  # The same machine's CPU (a device machine runs nothing else, unlike the project's shared host): tfjs-wasm on one
  # thread, our path only.
  [ "${WASM_RUNS:-301}" != 0 ] || return 0
  BENCH_RUNNER="$runner${gpu:+ on the CPU of a machine with one $gpu}" "$node" "$D/net/net.mjs" --backends node-wasm \
    --paths auto --runs "${WASM_RUNS:-301}" --warmup 5 --size "${SIZE:-224}" \
    --out bench/results/se-overhead-quiet-wasm.json | grep -v '^  \['
  [ -z "${OUT:-}" ] || cp bench/results/se-overhead-quiet-wasm.json "$OUT/"
}

profile() { # profile [--runs N --warmup N]
  setup
  BENCH_RUNNER="$runner${gpu:+ on a machine with one $gpu}" "$node" "$D/net/gpuProfile.mjs" "$@"
  [ -z "${OUT:-}" ] || cp bench/results/gpu-profile.json "$OUT/"
}

case "${1:-}" in
  prepare) prepare ;;
  run) run ;;
  profile) profile "${@:2}" ;;
  *) echo "usage: bash bench/dawn.sh prepare|run|profile" >&2; exit 2 ;;
esac
