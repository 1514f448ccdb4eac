import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '../errors';
import { sendError } from './sendJson';

export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`Request body is larger than ${limitBytes} bytes.`);
  }
}

/**
 * Reads the request body, refusing past `limitBytes` as soon as the declared or streamed size exceeds it,
 * so an oversized upload costs us at most the limit in memory.
 */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) return Promise.reject(new BodyTooLargeError(limitBytes));
  // Plain 'data' and 'end' events: an async iterator over the request costs several promises per chunk.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
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
 * `readBody` for a route: an oversized body is answered with a JSON 413 (and the connection closed, as the
 * rest of the upload is never read), and `undefined` tells the route it has been answered.
 */
export async function readBodyOrAnswer413(req: IncomingMessage, res: ServerResponse, limitBytes: number): Promise<Buffer | undefined> {
  try {
    return await readBody(req, limitBytes);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    sendError(res, 413, ErrorCode.PAYLOAD_TOO_LARGE, error.message, { connection: 'close' });
    return undefined;
  }
}
