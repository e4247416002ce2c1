/** What the gateway says about map tiles (GET /web-config.json), loaded once per page. */
import { useEffect, useState } from 'react';

export interface WebConfig {
  /** A tile URL template with {z}, {x} and {y}; null when no tile server is configured. */
  tileUrl: string | null;
  /** Who to credit for the tiles. */
  tileAttribution: string | null;
}

const NO_TILES: WebConfig = { tileUrl: null, tileAttribution: null };

let loading: Promise<WebConfig> | null = null;

/** The config, or no tiles when it cannot be read (offline, say): a track is drawn without a map then. */
export function loadWebConfig(fetchConfig: typeof fetch = fetch): Promise<WebConfig> {
  loading ??= fetchConfig('/web-config.json')
    .then(async (response) => {
      if (!response.ok) throw new Error(`web-config.json answered ${response.status}`);
      const body = (await response.json()) as Partial<WebConfig>;
      return {
        tileUrl: typeof body.tileUrl === 'string' && body.tileUrl ? body.tileUrl : null,
        tileAttribution: typeof body.tileAttribution === 'string' ? body.tileAttribution : null,
      };
    })
    .catch(() => {
      loading = null;
      return NO_TILES;
    });
  return loading;
}

/** The config once loaded; null until then. */
export function useWebConfig(): WebConfig | null {
  const [config, setConfig] = useState<WebConfig | null>(null);
  useEffect(() => {
    let current = true;
    void loadWebConfig().then((loaded) => {
      if (current) setConfig(loaded);
    });
    return () => {
      current = false;
    };
  }, []);
  return config;
}
