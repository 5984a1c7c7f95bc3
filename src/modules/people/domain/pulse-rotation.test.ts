import { describe, expect, it } from 'vitest';
import { questionsForRound } from './pulse-rotation';

const qs = [
  { id: 'enps', type: 'nps' },
  { id: 'a', type: 'rating' },
  { id: 'b', type: 'text' },
  { id: 'c', type: 'choice' },
  { id: 'who', type: 'contact' },
];

describe('pulse question rotation', () => {
  it('asks eNPS every round and the others in turn, never a contact question', () => {
    expect(questionsForRound(qs, 0, 2)).toEqual(['enps', 'a', 'b']);
    expect(questionsForRound(qs, 1, 2)).toEqual(['enps', 'a', 'c']);
    expect(questionsForRound(qs, 2, 2)).toEqual(['enps', 'b', 'c']);
    expect(questionsForRound(qs, 0, 0)).toEqual(['enps']);
    expect(questionsForRound(qs, 5, 9)).toEqual(['enps', 'a', 'b', 'c']);
  });
});
