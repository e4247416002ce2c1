import { gatewayHttpRoutes } from './context-routes';
import { CONTEXTS } from './contexts';

describe("the gateway's route table", () => {
  it("is every descriptor's HTTP routes, with the subgraph that serves each", () => {
    const fromDescriptors = Object.fromEntries(CONTEXTS.map((c) => [c.name, c.http?.routes ?? []]));
    expect(gatewayHttpRoutes()).toEqual(gatewayHttpRoutes(fromDescriptors));
    expect(gatewayHttpRoutes().map((r) => `${r.subgraph} ${r.path}`)).toEqual([
      'training /telemetry',
      'training /imports',
      'training /exports',
      'notifications /notifications/unsubscribe',
      'social /objects',
    ]);
  });
});
