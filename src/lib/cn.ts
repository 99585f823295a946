/**
 * Joins class names, skipping the falsy ones: the kit's own, then the caller's `className`. No merging
 * (tailwind-merge was 8 kB of the smallest component) and no clsx (its objects and arrays are never used here): the
 * kit's classes carry the `pk:` prefix, so a caller's classes never name the same utility, and the kit never gives
 * one element two classes for one property (test/components/class-conflicts). A caller restyles a part through
 * its `data-slot`, an inline `style` or the theme's `--pk-…` variables.
 *
 * @example
 * cn('pk:flex', active && 'pk:font-semibold', className) // 'pk:flex pk:font-semibold my-class'
 */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(' ')
}
