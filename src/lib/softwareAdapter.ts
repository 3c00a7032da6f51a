// Whether a GPU adapter is a software rasteriser running on the CPU, from what the adapter says of itself.

const SOFTWARE = /swiftshader|llvmpipe|lavapipe|software|basic render/i;

/**
 * Whether a WebGPU adapter is a software fallback: GPUAdapterInfo.isFallbackAdapter where the browser has it (older
 * Chromium: GPUAdapter.isFallbackAdapter), else the names software rasterisers go by (SwiftShader, llvmpipe …).
 */
export function isSoftwareAdapter(
  info: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean },
  adapterFlag?: boolean,
): boolean {
  return (
    info.isFallbackAdapter === true ||
    adapterFlag === true ||
    SOFTWARE.test(`${info.vendor ?? ""} ${info.architecture ?? ""} ${info.description ?? ""}`)
  );
}
