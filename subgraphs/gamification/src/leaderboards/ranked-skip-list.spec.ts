import { RankedSkipList, type RankedItem } from './ranked-skip-list';

const ordered = (items: RankedItem[]) => [...items].sort((a, b) => b.score - a.score || a.seq - b.seq);

describe('RankedSkipList', () => {
  it('keeps ranks and ranges right through random inserts and removals', () => {
    let seed = 11;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const list = new RankedSkipList(random);
    let model: RankedItem[] = [];
    for (let seq = 1; seq <= 3_000; seq += 1) {
      if (model.length > 0 && random() < 0.35) {
        const victim = model[Math.floor(random() * model.length)]!;
        expect(list.remove(victim.score, victim.seq)).toBe(true);
        model = model.filter((item) => item !== victim);
      } else {
        const item = { score: Math.floor(random() * 50), seq, athleteId: `a${seq}` };
        list.insert(item);
        model.push(item);
      }
    }
    const expected = ordered(model);
    expect(list.size).toBe(expected.length);
    expect(list.range(1, expected.length)).toEqual(expected);
    expect(list.range(101, 25)).toEqual(expected.slice(100, 125));
    expected.forEach((item, i) => expect(list.rankOf(item.score, item.seq)).toBe(i + 1));
  });

  it('answers 0 or false for an entry it does not hold, and nothing past its end', () => {
    const list = new RankedSkipList();
    list.insert({ score: 5, seq: 1, athleteId: 'ann' });
    expect(list.rankOf(5, 2)).toBe(0);
    expect(list.remove(4, 1)).toBe(false);
    expect(list.range(2, 10)).toEqual([]);
    expect(list.range(0, 10)).toEqual([]);
  });
});
