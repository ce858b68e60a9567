import { hdrUniform, hdrUniforms } from '../../src/model/hdr';
import { correlation } from '../../src/model/stats';

const seed = (varId: number, entity = 1, seed3 = 0, seed4 = 0) => ({ varId, entity, seed3, seed4 });

describe('hdrUniform', () => {
  // Expected values: the published HDR_2_0 formula (as in PySIPmath's chanceCalc.hdr) evaluated in
  // Python with arbitrary-precision integers, n = ((A·7440893 + B)·1343) mod 2^32, u = (n + 0.5) / 2^32.
  it.each([
    [1, seed(1), 3907284393],
    [2, seed(1), 3258547885],
    [3, seed(1), 342992983],
    [1000, seed(1), 1393928602],
    [1, seed(2), 3323053386],
    [1000, seed(2), 14366747],
    [1, seed(1, 2), 3987307961],
    [2, seed(1, 2), 221809761],
    [1, seed(12345678), 568864089],
    [1000, seed(12345678), 1819809737],
    [1, seed(0, 0), 1288520064],
  ])('trial %i of %j is the published formula’s integer n, as (n + 0.5) / 2^32', (counter, s, n) => {
    expect(hdrUniform(counter, s)).toBe((n + 0.5) / 4294967296);
  });

  it('stays exact at the largest seeds SIPmath allows (ids to 100 million, seed4 to 10 million)', () => {
    // Python, big integers: hdr(100000000, var=100000000, ent=100000000, s3=100000000, s4=10000000) → n = 2292569334.
    expect(hdrUniform(100000000, seed(100000000, 100000000, 100000000, 10000000))).toBe((2292569334 + 0.5) / 4294967296);
  });

  it('gives different streams for different variable ids and the same stream for the same id', () => {
    const a = hdrUniforms(50, seed(7));
    expect(hdrUniforms(50, seed(7))).toEqual(a);
    expect(hdrUniforms(50, seed(8))).not.toEqual(a);
  });
});

describe('hdrUniforms', () => {
  it('lists trials 1 to n in order, inside (0, 1)', () => {
    const u = hdrUniforms(1000, seed(1));
    expect(u).toHaveLength(1000);
    expect(u[0]).toBe(hdrUniform(1, seed(1)));
    expect(u[999]).toBe(hdrUniform(1000, seed(1)));
    expect(Math.min(...u)).toBeGreaterThan(0);
    expect(Math.max(...u)).toBeLessThan(1);
  });

  it('is close to uniform over 100,000 trials', () => {
    // Python over the same formula: mean 0.49972484346075446 for varId 1, entity 1, trials 1..100000.
    const u = hdrUniforms(100000, seed(1));
    const mean = u.reduce((s, x) => s + x, 0) / u.length;
    expect(mean).toBeCloseTo(0.49972484346075446, 12);
  });

  it('is empty for no trials', () => {
    expect(hdrUniforms(0, seed(1))).toHaveLength(0);
  });
});

describe('independence of streams', () => {
  it('leaves different variable ids as uncorrelated as independent samples are, at 1,000 trials', () => {
    // For independent samples of 1,000, r is about normal with standard error 1/sqrt(1000) = 0.0316,
    // so about 4.6 % of pairs exceed 2 standard errors and the mean |r| is sqrt(2 / (pi·1000)) = 0.0252.
    // Over the 780 pairs of ids 1 to 40 (Python over the published formula): 37 pairs (4.7 %) exceed
    // 0.0632 and the largest |r| are 0.106 (ids 10, 18) and 0.100 (ids 1, 2), what chance gives for the
    // largest of 780; so a single pair at |r| near 0.1 is no sign of dependence.
    const streams = Array.from({ length: 40 }, (_, i) => hdrUniforms(1000, seed(i + 1)));
    const rs: number[] = [];
    for (let a = 0; a < streams.length; a++) {
      for (let b = a + 1; b < streams.length; b++) rs.push(Math.abs(correlation(streams[a]!, streams[b]!)!));
    }
    expect(rs).toHaveLength(780);
    const beyond = rs.filter((r) => r > 2 / Math.sqrt(1000)).length / rs.length;
    expect(beyond).toBeGreaterThan(0.02);
    expect(beyond).toBeLessThan(0.08);
    const meanAbs = rs.reduce((x, r) => x + r, 0) / rs.length;
    expect(meanAbs).toBeGreaterThan(0.02);
    expect(meanAbs).toBeLessThan(0.03);
    expect(Math.max(...rs)).toBeLessThan(0.15);
  });

  it('gives the product of two independent uniforms a mean near 1/4', () => {
    // E[UV] = E[U]E[V] = 1/4 for independent uniforms; the standard error of the mean of UV over
    // 10,000 trials is sqrt(Var(UV)/n) = sqrt(7/144)/100 ≈ 0.0022, so 0.25 ± 0.01 is over 4 standard errors.
    const u = hdrUniforms(10000, seed(1));
    const v = hdrUniforms(10000, seed(2));
    let s = 0;
    for (let i = 0; i < u.length; i++) s += u[i]! * v[i]!;
    expect(Math.abs(s / u.length - 0.25)).toBeLessThan(0.01);
  });
});
