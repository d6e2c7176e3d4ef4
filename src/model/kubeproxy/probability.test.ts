import { describe, expect, it } from 'vitest';
import { probability } from './probability';

describe('probability', () => {
  it('formats 1/n with ten decimals like %0.10f', () => {
    expect(probability(2)).toBe('0.5000000000');
    expect(probability(3)).toBe('0.3333333333');
    expect(probability(5)).toBe('0.2000000000');
    expect(probability(4)).toBe('0.2500000000');
    expect(probability(6)).toBe('0.1666666667');
    expect(probability(7)).toBe('0.1428571429');
  });
});
