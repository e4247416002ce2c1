/**
 * The benchmark's one operation: a nested federated query with several entity hops (identity's `me` →
 * training's workouts → identity's athlete and inventory's gear of each workout → inventory's gear of the
 * user), and the request bodies of the two scenarios.
 */
export const ATHLETE_OVERVIEW = `query AthleteOverview($first: Int!) {
  me {
    displayName
    workouts(first: $first) {
      edges { node { id sport distanceMeters athlete { displayName } gear { name distanceMeters } } }
    }
    gear { name workoutCount }
  }
}`;

/** Every connection sends this body: identical concurrent requests, which Pulse deduplicates. */
export const IDENTICAL_FIRST = 10;

/**
 * The body of connection `index` in the scenario where every connection sends its own variable value
 * (`first` = 10, 11, …): the answers are the same (each athlete has fewer workouts than 10), but no two
 * connections send the same operation, so deduplication cannot help.
 */
export function bodyOf(first: number): string {
  return JSON.stringify({ query: ATHLETE_OVERVIEW, variables: { first }, operationName: 'AthleteOverview' });
}

export async function postGraphql(
  url: string,
  payload: object | string,
  token?: string,
): Promise<{ status: number; body: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  return { status: response.status, body: await response.text() };
}

/** The `data` of a successful answer; throws with the answer when there are errors or no data. */
export function dataOf(gateway: string, status: number, body: string): unknown {
  const result = JSON.parse(body) as { data?: unknown; errors?: unknown[] };
  if (status !== 200 || result.errors || !result.data) {
    throw new Error(`${gateway} answered HTTP ${status}: ${body.slice(0, 500)}`);
  }
  return result.data;
}
