/** A wear bar with its percentage in words, announced as a meter. */
import type { Units } from '../../format/units';
import { formatDistance } from '../../format/units';
import { wearBar, wearWarning, type WearFigures } from './wear';

export function WearMeter({ item, name, units }: { item: WearFigures; name: string; units: Units }) {
  const bar = wearBar(item);
  const warning = wearWarning(item, units);
  const distance = formatDistance(item.distanceMeters, units);
  if (!bar || item.limitMeters == null) return <p>{distance}, no wear limit</p>;
  const words = `${distance} of ${formatDistance(item.limitMeters, units)} (${bar.percent} %)`;
  return (
    <div className="gear-wear">
      <div
        className={bar.className}
        role="meter"
        aria-label={`Wear of ${name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={bar.width}
        aria-valuetext={`${bar.percent} % of its wear limit`}
      >
        <span style={{ width: `${bar.width}%` }} />
      </div>
      <p className="gear-wear-words">{words}</p>
      {warning && (
        <p className={item.wearStatus === 'REPLACE' ? 'gear-warning over' : 'gear-warning'}>{warning}</p>
      )}
    </div>
  );
}
