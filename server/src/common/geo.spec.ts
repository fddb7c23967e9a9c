import { haversineMiles } from './geo';

describe('haversine distance', () => {
  it('gives great-circle miles', () => {
    // Bournemouth (50.7192, -1.8808) to Luton (51.8787, -0.4200): about 102 miles.
    expect(haversineMiles(50.7192, -1.8808, 51.8787, -0.42)).toBeCloseTo(102.0, 0);
    expect(haversineMiles(51.5, -0.12, 51.5, -0.12)).toBe(0);
    // One degree of latitude is 69.09 miles on a 3958.8-mile sphere.
    expect(haversineMiles(50, 0, 51, 0)).toBeCloseTo(69.09, 2);
  });
});
