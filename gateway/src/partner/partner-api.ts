/**
 * The partner API: the public contract (supergraph.public.graphql) served at /partner/graphql by a second
 * ApolloGateway. Requests are authenticated by a partner API key (checked with identity, cached briefly),
 * rate-limited per key, and reach the subgraphs anonymously with `x-partner-id`.
 */
import { parse } from 'graphql';
import { inputRulesOf, inputRulesPlugin, labelLiteralArguments } from '../../../lib/graphql/input';
import { queryLimitsPlugin } from '../../../lib/graphql/limits/query-limits-plugin';
import { keepApolloTelemetryOff } from '../../../lib/config/apollo-telemetry';
import { executableOperationPlugin } from '../executable-operation-plugin';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type RequestHandler } from 'express';
import type { Config } from '../../../lib/config/config';
import { RateLimitedError, UnauthenticatedError } from '../../../lib/errors/domain-error';
import { createErrorFormatter } from '../../../lib/errors/format-error';
import type { Logger } from '../../../lib/logging/logger';
import { createRateLimiterStore } from '../../../lib/rate-limit/create-rate-limiter-store';
import { sendRestError } from '../../../lib/server/rest-errors';
import { authCheckPlugin } from '../auth/auth-check-plugin';
import { supergraphAuthRequirements } from '../auth/supergraph-auth';
import type { LoadedSupergraph } from '../supergraph-file';
import { partnerApiKeyOf } from './partner-api-key-header';
import type { PartnerContext } from '../gateway-context';
import { guardedRoute } from '../routes/route-guards';
import type { SubgraphDataSources } from '../subgraph-data-source';
import { createPartnerKeyVerifier, type PartnerKeyVerifier } from './partner-key-verifier';

export const PARTNER_API_PATH = '/partner/graphql';
/** Largest request body, as on /graphql. */
export const PARTNER_BODY_LIMIT_BYTES = 1024 * 1024;

export interface PartnerApi {
  stop(): Promise<void>;
}

/** Where identity answers partner key checks, from identity's GraphQL URL. */
export const partnerKeyVerifyUrlOf = (identityGraphqlUrl: string): string =>
  new URL('/internal/partner-keys/verify', identityGraphqlUrl).toString();

export async function mountPartnerApi(
  app: Express,
  options: {
    config: Config;
    supergraph: LoadedSupergraph;
    /** identity's GraphQL URL (the main supergraph's), whose verification endpoint checks keys. */
    identityUrl: string;
    /** The gateway's one data source factory: the partner's calls go out as 'partner'. */
    dataSources: SubgraphDataSources;
    logger: Logger;
    verifier?: PartnerKeyVerifier;
  },
): Promise<PartnerApi> {
  const { config, supergraph, logger, identityUrl } = options;
  const keys =
    options.verifier ??
    createPartnerKeyVerifier({
      verifyUrl: partnerKeyVerifyUrlOf(identityUrl),
      cacheSeconds: config.partner.keyCacheSeconds,
    });
  const limits = createRateLimiterStore(config.redis.url, logger);
  const perKey = limits.limiter('partner-api', {
    points: config.partner.rateLimitPerMinute,
    durationSeconds: 60,
  });
  keepApolloTelemetryOff();
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.sdl,
    buildService: ({ name, url }) =>
      options.dataSources({ name, url: supergraph.subgraphUrls[name] ?? url }, { caller: 'partner' }),
    logger,
  });
  const requirements = supergraphAuthRequirements(supergraph.sdl);
  const inputRules = inputRulesOf(parse(supergraph.sdl));
  const apollo = new ApolloServer<PartnerContext>({
    gateway,
    validationRules: [labelLiteralArguments],
    formatError: createErrorFormatter(logger, { hideSuggestions: !config.gateway.sandbox }),
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    introspection: config.gateway.sandbox,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      authCheckPlugin<PartnerContext>(() => requirements),
      inputRulesPlugin<PartnerContext>(() => inputRules),
      // The subgraphs do not measure what the gateway sends them: the partner API measures it here.
      queryLimitsPlugin<PartnerContext>(config.protection.limits),
      executableOperationPlugin<PartnerContext>(),
    ],
  });
  await apollo.start();

  // The API key stands where /graphql has the access token.
  const authenticate: RequestHandler = async (req, res, next) => {
    try {
      const key = partnerApiKeyOf(req.headers);
      if (!key) {
        throw new UnauthenticatedError('The partner API needs an API key: send it as "x-api-key: <key>".');
      }
      const verdict = await keys.verify(key);
      if (!verdict.valid) throw new UnauthenticatedError('This API key is unknown or has been revoked.');
      res.locals.partnerId = verdict.partnerId;
      next();
    } catch (error) {
      sendRestError(res, error, logger);
    }
  };
  const rateLimitPerKey: RequestHandler = async (_req, res, next) => {
    try {
      const decision = await perKey.consume(String(res.locals.partnerId));
      if (!decision.allowed) {
        throw new RateLimitedError(
          `This API key made more than ${config.partner.rateLimitPerMinute} requests this minute: retry in ${decision.retryAfterSeconds} s.`,
          decision.retryAfterSeconds,
        );
      }
      next();
    } catch (error) {
      sendRestError(res, error, logger);
    }
  };

  app.use(
    PARTNER_API_PATH,
    ...guardedRoute({
      authenticate,
      rateLimits: [rateLimitPerKey],
      bodyLimitBytes: PARTNER_BODY_LIMIT_BYTES,
    }),
    // A chunked body is counted here, as it is read.
    express.json({ limit: PARTNER_BODY_LIMIT_BYTES }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({
        viewer: null,
        accessToken: null,
        correlationId: String(req.headers['x-correlation-id']),
        partnerId: String(res.locals.partnerId),
      }),
    }),
  );

  return {
    stop: async () => {
      await apollo.stop();
      await limits.close();
    },
  };
}
