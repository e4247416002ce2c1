import { sportFromText, wordsOf } from './sport-from-text';

describe('sportFromText', () => {
  it.each([
    ['Morning Run', 'RUN', 'run'],
    ['Afternoon Ride', 'RIDE', 'ride'],
    ['Evening Walk', 'WALK', 'walk'],
    ['Lunch Hike', 'HIKE', 'hike'],
    ['Morning Trail Run', 'TRAIL_RUN', 'trail run'],
    ['Morning Mountain Bike Ride', 'MOUNTAIN_BIKE_RIDE', 'mountain bike ride'],
    ['Sunday E-Bike Ride', 'E_BIKE_RIDE', 'e bike ride'],
    ['Zwift Virtual Ride', 'VIRTUAL_RIDE', 'virtual ride'],
    ['Radfahrt am See', 'RIDE', 'radfahrt'],
    ['Sonntagslauf? Nein, Lauf am Fluss', 'RUN', 'lauf'],
    ['Randonnée au lac', 'HIKE', 'randonnee'],
    ['Course à pied', 'RUN', 'course a pied'],
    ['Wanderung zur Hütte', 'HIKE', 'wanderung'],
    ['Caminata matutina', 'WALK', 'caminata'],
    ['Giro in bici', 'RIDE', 'bici'],
    ['NORDIC WALKING', 'WALK', 'nordic walking'],
  ])('finds %j: %s', (text, sport, words) => {
    expect(sportFromText(text)).toEqual({ sport, words });
  });

  it('tells a swim in open water from one in a pool by the positions', () => {
    expect(sportFromText('Schwimmen im See', { hasPositions: true })?.sport).toBe('OPEN_WATER_SWIM');
    expect(sportFromText('Morning Swim', { hasPositions: false })?.sport).toBe('POOL_SWIM');
  });

  it('names nothing with words of two different sports', () => {
    expect(sportFromText('Run to the bike shop')).toBeNull();
    expect(sportFromText('Randonnée à vélo')).toBeNull();
  });

  it('names nothing with words common outside sport, other words, or no text', () => {
    for (const text of [
      'Three in a row',
      'sup?',
      'Spin class notes',
      'Other',
      'ACTIVE LOG',
      '03-OCT-10',
      '',
      null,
    ]) {
      expect(sportFromText(text)).toBeNull();
    }
  });

  it('splits on anything but letters and digits, dropping accents and case', () => {
    expect(wordsOf('Évening-RUN_#2 (Zürich)')).toEqual(['evening', 'run', '2', 'zurich']);
  });
});
