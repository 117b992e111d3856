/** The voting pages' messages (Chinese): the part of the zh-CN catalogue they need, nothing more. */
import { zhCNVote } from '../../common/i18n/zh-CN-vote.js';

export type VoteKey = keyof typeof zhCNVote;

/** The message with its {name} placeholders filled. */
export function t(key: VoteKey, vars: Record<string, string | number> = {}): string {
  return zhCNVote[key].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
