// Items joined for a sentence: "a", "a and b", "a, b and c" (generated prose on several chapters).

export function listed(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : (items[0] ?? "");
}
