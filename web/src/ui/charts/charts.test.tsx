import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LineChart } from './line-chart';
import { TrackMap } from './track-map';

const track = [
  { lat: 45.75, lon: 14.34 },
  { lat: 45.76, lon: 14.36 },
  { lat: 45.775, lon: 14.395 },
];

describe('charts and maps in SVG', () => {
  it('draws a labelled line chart with round ticks on both axes', () => {
    render(
      <LineChart
        title="Heart rate"
        description="From 93 to 171 bpm."
        xLabel="Distance (km)"
        yLabel="Heart rate (bpm)"
        xs={[0, 1, 2, 3, 4.58]}
        ys={[93, 120, null, 150, 171]}
      />,
    );
    const chart = screen.getByRole('img', { name: 'Heart rate' });
    expect(chart.getAttribute('viewBox')).toBe('0 0 640 220');
    expect(chart.querySelector('desc')?.textContent).toBe('From 93 to 171 bpm.');
    const labels = [...chart.querySelectorAll('text')].map((text) => text.textContent);
    expect(labels).toEqual(
      expect.arrayContaining(['80', '180', '0', '5', 'Distance (km)', 'Heart rate (bpm)']),
    );
    // One gap, two pieces of line.
    expect(chart.querySelector('path.chart-line')?.getAttribute('d')?.match(/M/g)).toHaveLength(2);
  });

  it('draws nothing for a series without values', () => {
    const { container } = render(
      <LineChart title="Power" xLabel="x" yLabel="y" xs={[0, 1]} ys={[null, null]} />,
    );
    expect(container.querySelector('svg')).toBeNull();
  });

  it('draws the track alone without tiles, and on tiles with their attribution when configured', () => {
    const { unmount } = render(<TrackMap positions={track} tileUrl={null} tileAttribution="© OSM" />);
    const alone = screen.getByRole('img', { name: 'Map of the track' });
    expect(alone.querySelector('polyline')?.getAttribute('points')?.split(' ')).toHaveLength(3);
    expect(alone.querySelectorAll('image')).toHaveLength(0);
    expect(screen.queryByText(/© OSM/)).toBeNull();
    unmount();

    render(
      <TrackMap
        positions={track}
        tileUrl="https://tile.example.org/{z}/{x}/{y}.png"
        tileAttribution="© OSM"
      />,
    );
    const onTiles = screen.getByRole('img', { name: 'Map of the track' });
    const hrefs = [...onTiles.querySelectorAll('image')].map((image) => image.getAttribute('href'));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/tile\.example\.org\/13\/\d+\/\d+\.png$/);
    expect(screen.getByText('Map: © OSM')).toBeTruthy();
  });
});
