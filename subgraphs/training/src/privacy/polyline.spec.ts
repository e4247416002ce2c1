import { decodePolyline, encodePolyline, mapPreviewOf, MAX_PREVIEW_POINTS, simplify } from './polyline';

describe('encodePolyline', () => {
  it("encodes Google's documented example", () => {
    const points = [
      { latitude: 38.5, longitude: -120.2 },
      { latitude: 40.7, longitude: -120.95 },
      { latitude: 43.252, longitude: -126.453 },
    ];
    expect(encodePolyline(points)).toBe('_p~iF~ps|U_ulLnnqC_mqNvxq`@');
    expect(decodePolyline('_p~iF~ps|U_ulLnnqC_mqNvxq`@')).toEqual(points);
  });
});

describe('simplify', () => {
  it('keeps at most 200 points of the track, its first and last among them', () => {
    const points = Array.from({ length: 10_000 }, (_, i) => ({
      latitude: 46 + Math.sin(i / 300) * 0.01,
      longitude: 14 + i * 0.00001,
    }));
    const kept = simplify(points);
    expect(kept.length).toBeLessThanOrEqual(MAX_PREVIEW_POINTS);
    expect(kept.length).toBeGreaterThan(10);
    expect(kept[0]).toEqual(points[0]);
    expect(kept.at(-1)).toEqual(points.at(-1));
    for (const point of kept) expect(points).toContainEqual(point);
  });

  it('has no preview without positions', () => {
    expect(mapPreviewOf([])).toBeNull();
  });
});
