import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '../errors';
import { sendError } from './sendJson';

export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`Request body is larger than ${limitBytes} bytes.`);
  }
}

export class BodyTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`The request body was not received within ${timeoutMs} ms.`);
  }
}

export interface BodyLimits {
  limitBytes: number;
  /** How long the client may take to send the body once its headers are in (SERVER_RECEIVE_TIMEOUT_MS). */
  receiveTimeoutMs: number;
  /**
   * How much of an oversized upload is read (and dropped) before the 413 is sent: a client still
   * sending when the connection closes gets EPIPE or a reset instead of our answer (Node's fetch does).
   * Past this the connection is cut without one.
   */
  drainLimitBytes: number;
}

/**
 * Reads the request body, refusing past `limitBytes` as soon as the declared or streamed size exceeds it,
 * so an oversized upload costs us at most the limit in memory.
 */
export function readBody(req: IncomingMessage, limitBytes: number, receiveTimeoutMs?: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) return Promise.reject(new BodyTooLargeError(limitBytes));
  // Plain 'data' and 'end' events: an async iterator over the request costs several promises per chunk.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer =
      receiveTimeoutMs === undefined || req.complete
        ? undefined
        : setTimeout(() => {
            finish();
            req.pause();
            reject(new BodyTimeoutError(receiveTimeoutMs));
          }, receiveTimeoutMs);
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        finish();
        // Stop reading: the rest of an oversized upload is not worth buffering.
        req.pause();
        reject(new BodyTooLargeError(limitBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      finish();
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      finish();
      reject(error);
    };
    const onClose = () => {
      finish();
      reject(new Error('the client closed the connection before sending the whole body'));
    };
    const finish = () => {
      if (timer) clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/**
 * `readBody` for a route: an oversized body is answered with a JSON 413 once the rest of the upload has
 * been read and dropped (up to `drainLimitBytes`), so the client is reading when the answer comes; a body
 * slower than `receiveTimeoutMs` gets a JSON 408. Both close the connection. `undefined` tells the route
 * it has been answered.
 */
export async function readBodyOrAnswer(req: IncomingMessage, res: ServerResponse, limits: BodyLimits): Promise<Buffer | undefined> {
  try {
    return await readBody(req, limits.limitBytes, limits.receiveTimeoutMs);
  } catch (error) {
    if (error instanceof BodyTimeoutError) {
      if (!res.headersSent) sendError(res, 408, ErrorCode.REQUEST_TIMEOUT, error.message, { connection: 'close' });
      return undefined;
    }
    if (!(error instanceof BodyTooLargeError)) throw error;
    // Past the drain bound the answer is sent all the same, and the connection closed under the upload.
    await drain(req, limits.drainLimitBytes);
    if (!res.headersSent) sendError(res, 413, ErrorCode.PAYLOAD_TOO_LARGE, error.message, { connection: 'close' });
    return undefined;
  }
}

/** Reads the rest of the request and drops it: true once it ended, false when it went past `limitBytes` or broke off. */
function drain(req: IncomingMessage, limitBytes: number): Promise<boolean> {
  const declared = Number(req.headers['content-length']);
  if (req.complete) return Promise.resolve(true);
  if (Number.isFinite(declared) && declared > limitBytes) return Promise.resolve(false);
  return new Promise((resolve) => {
    let size = 0;
    const done = (ended: boolean) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      resolve(ended);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        req.pause();
        done(false);
      }
    };
    const onEnd = () => done(true);
    const onClose = () => done(req.complete);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
    req.resume();
  });
}
