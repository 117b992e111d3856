/** Help text of one page: what it is for and which rules apply, in plain Chinese. */
export interface PageHelp {
  title: string;
  /** What the page is for, one or two sentences */
  purpose: string;
  /** What to do here, step by step (optional) */
  steps?: string[];
  /** The rules that apply, each in words with its id in the catalogue */
  rules?: { id: string; text: string }[];
}
