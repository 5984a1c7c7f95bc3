import type { Stage } from '../../../src/http/api-types';

/** Colours that keep 3:1 contrast on white and stay apart for common colour-vision deficiencies. */
export const PALETTE = [
  '#1f5fbf',
  '#d9480f',
  '#2b8a3e',
  '#862e9c',
  '#c92a2a',
  '#0b7285',
  '#e67700',
  '#495057',
];

/** A colour per lifecycle stage. */
export const STAGE_COLORS: Record<string, string> = {
  potential: '#868e96',
  visitor: '#0b7285',
  buyer: '#1f5fbf',
  regular: '#5f3dc4',
  loyal: '#2b8a3e',
  lost: '#c92a2a',
} satisfies Record<Stage, string>;
