const PALETTE = ['#2563eb', '#7c3aed', '#db2777', '#059669', '#d97706', '#0891b2', '#4f46e5', '#be123c']

function initials(username: string): string {
  const parts = username.split(/[_\s.-]+/).filter(Boolean)
  const letters = parts.length > 1 ? [parts[0]![0], parts[1]![0]] : [...(parts[0] ?? '?')].slice(0, 2)
  return letters.join('').toUpperCase()
}

/** A self-contained SVG avatar, so that nothing in the kit needs the internet. */
export function avatarSvg(id: number, username: string): string {
  const fill = PALETTE[id % PALETTE.length]
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128" role="img" aria-label="${username}">` +
    `<rect width="128" height="128" fill="${fill}"/>` +
    `<text x="64" y="64" dy=".35em" text-anchor="middle" font-family="system-ui,sans-serif" font-size="52" font-weight="600" fill="#fff">${initials(username)}</text>` +
    `</svg>`
  )
}
