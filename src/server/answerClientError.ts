import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { ErrorCode } from '../errors';

/**
 * Node answers requests it cannot parse (bad request line, oversized headers, a client too slow to send its
 * request) with an empty 400 or 408. These are answered with the same JSON error body as every other
 * failure, so clients always get something they can parse.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const current = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || current?.headersSent) {
    socket.destroy();
    return;
  }
  const status =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const message =
    status === 408
      ? 'The request was not received in time.'
      : status === 431
        ? 'The request headers are too large.'
        : 'The request is not valid HTTP.';
  const code = status === 408 ? ErrorCode.REQUEST_TIMEOUT : status === 431 ? ErrorCode.HEADERS_TOO_LARGE : ErrorCode.BAD_REQUEST;
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\ncache-control: no-store\r\nconnection: close\r\n\r\n${body}`,
  );
}
