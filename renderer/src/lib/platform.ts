/** The label of the platform's command modifier, for shortcut hints. */
export function modKey(): string {
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent) ? '⌘' : 'Ctrl';
}
