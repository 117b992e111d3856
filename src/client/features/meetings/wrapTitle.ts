/** Card styles that show a long item title in full, wrapping on a phone instead of cutting it off with "…". */
export const WRAP_TITLE = {
  title: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', paddingBlock: 6 },
  header: { paddingBlock: 4, minHeight: 'auto' },
} as const;
