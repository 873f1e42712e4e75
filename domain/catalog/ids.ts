/** Numeric parts of a dotted catalog number: "1-1-10" → [1, 1, 10]. */
export function idParts(id: string): number[] {
  return id.split('-').map((part) => Number(part));
}

/**
 * Orders catalog numbers ("1-1-9" before "1-1-10", "1-2" before "1-2-1") for Array.prototype.sort.
 * String order would put 1-1-10 before 1-1-2, which is not how the plan lists them.
 */
export function compareProjectIds(a: string, b: string): number {
  const pa = idParts(a);
  const pb = idParts(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return pa.length - pb.length;
}

/** True when `id` is `prefix` itself or lies under it ("3-2" covers "3-2-1" but not "3-20-1"). */
export function isUnderId(id: string, prefix: string): boolean {
  return id === prefix || id.startsWith(`${prefix}-`);
}
