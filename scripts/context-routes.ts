/**
 * The contexts' HTTP routes for a gateway process (scripts/start-gateway.ts): each context's route list,
 * the very list its descriptor serves, imported without the context's code (a gateway process would
 * otherwise load every context: about a second and 12 MB per process). scripts/context-routes.spec.ts holds
 * this table to the descriptors.
 */
import type { ContextHttpRoute, GatewayHttpRoute } from '../lib/context/http-routes';
import { notificationsHttpRoutes } from '../subgraphs/notifications/src/notifications.http-routes';
import { socialHttpRoutes } from '../subgraphs/social/src/social.http-routes';
import { trainingHttpRoutes } from '../subgraphs/training/src/training.http-routes';

const ROUTES: Record<string, readonly ContextHttpRoute[]> = {
  training: trainingHttpRoutes,
  notifications: notificationsHttpRoutes,
  social: socialHttpRoutes,
};

/** The routes as the gateway mounts them, each with the subgraph that serves it. */
export const gatewayHttpRoutes = (routesOf: Record<string, readonly ContextHttpRoute[]> = ROUTES) =>
  Object.entries(routesOf).flatMap(([subgraph, routes]) =>
    routes.map((route): GatewayHttpRoute => ({ ...route, subgraph })),
  );
