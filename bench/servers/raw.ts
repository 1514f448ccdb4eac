/**
 * The ceiling: node:http answering stored bytes (ArticlePage's exact response, or the gateway's /healthz
 * answer for the GC scenario). Reads the request body like a real server must, then writes the stored
 * bytes. Nothing a GraphQL server does can be faster. RAW_BODY_FILE: the bytes; RAW_CONTENT_TYPE: their
 * type (JSON unless said); PORT: where to listen.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const body = readFileSync(process.env.RAW_BODY_FILE as string);
const headers = { 'content-type': process.env.RAW_CONTENT_TYPE || 'application/json; charset=utf-8', 'content-length': String(body.length) };

createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, headers);
    res.end(body);
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
