/** Achievements unlocked (with when, in the athlete's zone) and still to earn, and the challenges to join. */
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { formatDate } from '../../format/dates';
import { usePreferences } from '../../settings/preferences';
import { Page } from '../../ui/page';
import { Empty, ErrorMessage, Loading } from '../../ui/states';
import { AchievementsScreenQuery } from './achievements-documents';
import './achievements.css';
import { ChallengeCard } from './challenge-card';
import { achievementProgress, percentOf } from './progress-words';

export function AchievementsScreen() {
  const { units, timeZone } = usePreferences();
  const [includeEnded, setIncludeEnded] = useState(false);
  const query = useQuery(AchievementsScreenQuery, { variables: { includeEnded } });
  const { error, loading } = query;
  // While ended challenges load, the screen (and the checkbox that asked for them) stays as it was.
  const data = query.data ?? query.previousData;
  const achievements = data?.me.achievements ?? [];
  const unlocked = achievements
    .filter((a) => a.unlocked)
    .sort((a, b) => (b.unlockedAt ?? '').localeCompare(a.unlockedAt ?? ''));
  const toEarn = achievements
    .filter((a) => !a.unlocked)
    .sort(
      (a, b) =>
        percentOf(b.progress.current, b.progress.target) - percentOf(a.progress.current, a.progress.target),
    );

  return (
    <Page title="Achievements and challenges">
      {!data && loading && <Loading what="your achievements" />}
      <ErrorMessage error={error} />
      {data && (
        <>
          <section aria-labelledby="achievements-unlocked">
            <h2 id="achievements-unlocked">Unlocked</h2>
            {unlocked.length === 0 ? (
              <Empty>Nothing unlocked yet: your first workout earns your first achievement.</Empty>
            ) : (
              <ul className="list achievement-list">
                {unlocked.map((achievement) => (
                  <li key={achievement.code}>
                    <span className="achievement-title">{achievement.title}</span>
                    <span>{achievement.description}</span>
                    <span className="muted">Unlocked {formatDate(achievement.unlockedAt, timeZone)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="achievements-challenges">
            <h2 id="achievements-challenges">Challenges</h2>
            <label className="achievements-ended">
              <input
                type="checkbox"
                checked={includeEnded}
                onChange={(event) => setIncludeEnded(event.target.checked)}
              />{' '}
              Show ended challenges
            </label>
            {data.challenges.length === 0 ? (
              <Empty>{includeEnded ? 'No challenges yet.' : 'No challenges are running right now.'}</Empty>
            ) : (
              data.challenges.map((challenge) => <ChallengeCard key={challenge.id} challenge={challenge} />)
            )}
          </section>
          <section aria-labelledby="achievements-to-earn">
            <h2 id="achievements-to-earn">To earn</h2>
            {toEarn.length === 0 ? (
              <Empty>You have unlocked every achievement.</Empty>
            ) : (
              <ul className="list achievement-list">
                {toEarn.map((achievement) => {
                  const percent = percentOf(achievement.progress.current, achievement.progress.target);
                  return (
                    <li key={achievement.code}>
                      <span className="achievement-title">{achievement.title}</span>
                      <span>{achievement.description}</span>
                      <div
                        className="bar"
                        role="progressbar"
                        aria-label={`Progress towards ${achievement.title}`}
                        aria-valuemin={0}
                        aria-valuemax={100}
                        aria-valuenow={percent}
                      >
                        <span style={{ width: `${percent}%` }} />
                      </div>
                      <span className="muted">{achievementProgress(achievement.progress, units)}</span>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </>
      )}
    </Page>
  );
}
