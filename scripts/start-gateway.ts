// npm run start:gateway: the gateway alone, serving any composed supergraph file (SUPERGRAPH_PATH), with
// the HTTP routes of the contexts this repository implements (scripts/context-routes.ts: their route lists,
// without their code). GATEWAY_WORKERS > 1 runs a cluster whose workers each run this script again.
//   SUPERGRAPH_PATH=supergraph.graphql PORT=4000 JWKS_URL=http://localhost:4001/.well-known/jwks.json npm run start:gateway
import { runGateway } from '../gateway/src/main';
import { gatewayHttpRoutes } from './context-routes';

runGateway({ routes: gatewayHttpRoutes() });
