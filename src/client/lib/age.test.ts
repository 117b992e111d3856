import { describe, expect, it } from 'vitest';
import { ageBand, ageFromBirthMonth, countAgeBands } from './age.js';

describe('ageFromBirthMonth', () => {
  it('counts whole years; the birthday month counts as reached', () => {
    expect(ageFromBirthMonth('1970-06', '2025-05-31')).toBe(54);
    expect(ageFromBirthMonth('1970-06', '2025-06-01')).toBe(55);
    expect(ageFromBirthMonth('1970-06', '2025-12-31')).toBe(55);
  });

  it('returns null for missing or malformed months and future births', () => {
    expect(ageFromBirthMonth(null, '2025-01-01')).toBeNull();
    expect(ageFromBirthMonth('June 1970', '2025-01-01')).toBeNull();
    expect(ageFromBirthMonth('2030-01', '2025-01-01')).toBeNull();
  });
});

describe('age bands', () => {
  it('puts ages in bands and counts them', () => {
    expect(ageBand(39)).toBe('under40');
    expect(ageBand(40)).toBe('40to45');
    expect(ageBand(50)).toBe('46to50');
    expect(ageBand(55)).toBe('51to55');
    expect(ageBand(56)).toBe('over55');
    expect(countAgeBands([35, 44, 45, 52, 60, null])).toEqual({
      under40: 1,
      '40to45': 2,
      '46to50': 0,
      '51to55': 1,
      over55: 1,
    });
  });
});
