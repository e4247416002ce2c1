/**
 * `POST /internal/partner-keys/verify` on identity's port: the partner API at the gateway sends a key
 * (`{ "key": "pk_live_…" }`) and gets `{ "valid": true, "partnerId", "name" }` or `{ "valid": false }`,
 * without reading identity's tables. Internal: the gateway does not route it from outside.
 */
import express, { type Express } from 'express';
import { BadUserInputError } from '../../../lib/errors/domain-error';
import type { Logger } from '../../../lib/logging/logger';
import { sendRestError } from '../../../lib/server/rest-errors';
import type { PartnerApiKeyService } from './partner-api-key.service';

export const PARTNER_KEY_VERIFY_PATH = '/internal/partner-keys/verify';

export function mountPartnerKeyVerification(app: Express, keys: PartnerApiKeyService, logger: Logger): void {
  app.post(PARTNER_KEY_VERIFY_PATH, express.json({ limit: '4kb' }), async (req, res) => {
    try {
      const key: unknown = (req.body as { key?: unknown } | undefined)?.key;
      if (typeof key !== 'string' || key.length === 0 || key.length > 200) {
        throw new BadUserInputError('key', 'Send the partner API key as JSON: { "key": "pk_live_…" }.');
      }
      res.setHeader('cache-control', 'no-store');
      res.json(await keys.verify(key));
    } catch (error) {
      sendRestError(res, error, logger);
    }
  });
}
