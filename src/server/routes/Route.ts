import type { IncomingMessage, ServerResponse } from 'node:http';

/** A handler for one path. Routes are plain functions over node:http; createGateway maps paths to them. */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string) => void | Promise<void>;
