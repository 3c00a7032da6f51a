// Linked highlighting: hovering or focusing anything with data-channel="c" inside `root` marks every element with
// the same channel (bars, map tiles, weight rows) with the class se-hl, and reports the channel. Returns a function
// that removes the listeners and the highlight (call it when the cell that linked them is invalidated).
export function linkChannels(root: HTMLElement, onChannel?: (channel: number | null) => void): () => void {
  let current: string | null = null;
  const set = (channel: string | null) => {
    if (channel === current) return;
    if (current !== null)
      for (const el of root.querySelectorAll(`[data-channel="${current}"]`)) el.classList.remove("se-hl");
    current = channel;
    if (channel !== null)
      for (const el of root.querySelectorAll(`[data-channel="${channel}"]`)) el.classList.add("se-hl");
    onChannel?.(channel === null ? null : Number(channel));
  };
  const channelOf = (event: Event) =>
    (event.target as Element | null)?.closest?.("[data-channel]")?.getAttribute("data-channel") ?? null;
  const controller = new AbortController();
  const { signal } = controller;
  root.addEventListener("pointerover", (e) => set(channelOf(e)), { signal });
  root.addEventListener("focusin", (e) => set(channelOf(e)), { signal });
  root.addEventListener("pointerleave", () => set(null), { signal });
  return () => {
    controller.abort();
    set(null);
  };
}
