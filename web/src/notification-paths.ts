/** Where the app shows what a notification links to. */
/**
 * Paths that notifications link to (their `path`, also in mail and push as APP_URL/<path>) and that the app
 * shows on another screen: the link lands there instead of on the dashboard.
 */
export const NOTIFICATION_PATHS: { path: string; to: string }[] = [
  { path: '/progress', to: '/' },
  { path: '/challenges/:id', to: '/achievements' },
  { path: '/gear/:id', to: '/gear' },
  { path: '/followers', to: '/feed' },
  { path: '/athletes/:id', to: '/feed' },
  { path: '/clubs/:id', to: '/feed' },
];
