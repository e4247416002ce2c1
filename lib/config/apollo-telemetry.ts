/**
 * @apollo/gateway reports usage data to Apollo's servers from every ApolloGateway it constructs, after
 * probing cloud metadata addresses (169.254.169.254), unless APOLLO_TELEMETRY_DISABLED is set. A self-hosted
 * Pulse keeps its traffic to itself (and an offline one would only collect timeouts): off, unless the
 * operator set the variable themself. The library reads the environment directly, so it is set there.
 */
export function keepApolloTelemetryOff(): void {
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
}
