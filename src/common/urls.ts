/** An address only this computer reaches (phones in the hall cannot open it). */
export function isLoopbackUrl(url: string): boolean {
  return /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|0\.0\.0\.0|\[::1\])(:|\/|$)/i.test(url);
}
