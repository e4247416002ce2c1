/** The endpoints the explorer opens: the gateway's /graphql (the default) and the partner API (?endpoint=partner). */

export interface Endpoint {
  name: 'gateway' | 'partner';
  title: string;
  /** Where queries and mutations are POSTed (same origin). */
  url: string;
  /** graphql-ws on the same path, for subscriptions; the partner API has none. */
  subscriptionUrl?: string;
  /** The headers of a new tab: JSON with comments, so the hints cost nothing until uncommented. */
  defaultHeaders: string;
  defaultQuery: string;
}

// Short lines: the editors are half a window wide.
const GATEWAY_HEADERS = `{
  // Signed in? The accessToken of
  // register or login goes here:
  // "Authorization": "Bearer <access token>"
}`;

const GATEWAY_QUERY = `# Pulse's GraphQL explorer: served by the
# gateway, it works offline.
#
# Docs: the book icon on the left.
# Sign up or in with the register or login
# mutation, then put its accessToken in the
# Headers below. Subscriptions (such as
# workoutProgress) run over graphql-ws.

query Me {
  me {
    id
    displayName
  }
}
`;

const PARTNER_HEADERS = `{
  // Every request needs a partner API key
  // (admins issue them: issuePartnerApiKey).
  // "x-api-key": "<partner API key>"
}`;

const PARTNER_QUERY = `# The partner API (/partner/graphql): the
# public contract, for partners' API keys.
# With the key in the Headers below, the
# docs (book icon on the left) load.

query Typename {
  __typename
}
`;

/** The endpoint named by `?endpoint=` of the page's URL; the gateway's unless it says partner. */
export function endpointOf(location: Pick<Location, 'search' | 'protocol' | 'host'>): Endpoint {
  if (new URLSearchParams(location.search).get('endpoint') === 'partner') {
    return {
      name: 'partner',
      title: 'Partner API',
      url: '/partner/graphql',
      defaultHeaders: PARTNER_HEADERS,
      defaultQuery: PARTNER_QUERY,
    };
  }
  const webSocket = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return {
    name: 'gateway',
    title: 'Gateway',
    url: '/graphql',
    subscriptionUrl: `${webSocket}//${location.host}/graphql`,
    defaultHeaders: GATEWAY_HEADERS,
    defaultQuery: GATEWAY_QUERY,
  };
}
