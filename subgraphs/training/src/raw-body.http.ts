/** The body of the training context's upload endpoints: any content type, read as bytes (gzip inflated). */
import express, { type Request, type RequestHandler } from 'express';

/** Reads the request body as bytes up to `limit` (a larger one is answered 413 by express). */
export const rawBody = (limit: number): RequestHandler =>
  express.raw({ type: () => true, limit, inflate: true });

/** The bytes `rawBody` read; empty when there was no body. */
export const bodyBytes = (req: Request): Buffer => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
