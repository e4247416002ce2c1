import { toWebSocketUrl } from './upstream-subscription';

describe('toWebSocketUrl', () => {
  it('turns a subgraph URL into its WebSocket URL', () => {
    expect(toWebSocketUrl('http://127.0.0.1:4002/graphql')).toBe('ws://127.0.0.1:4002/graphql');
    expect(toWebSocketUrl('https://training.example.com/graphql')).toBe('wss://training.example.com/graphql');
    expect(toWebSocketUrl('ws://localhost:4002/graphql')).toBe('ws://localhost:4002/graphql');
  });

  it('refuses other schemes', () => {
    expect(() => toWebSocketUrl('ftp://localhost/graphql')).toThrow('http(s) or ws(s)');
  });
});
