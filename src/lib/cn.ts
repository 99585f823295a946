import { clsx, type ClassValue } from 'clsx'

/**
 * Joins class names: the kit's own, then the caller's `className`. No merging (tailwind-merge was 8 kB of the
 * smallest component): the kit's classes carry the `pk:` prefix, so a caller's classes never name the same
 * utility, and the kit never gives one element two classes for one property (test/components/class-conflicts).
 * A caller restyles a part through its `data-slot` or the theme's `--pk-…` variables.
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs)
}
