import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestScope } from '../../requestScope';

/** A handler for one path. Routes are plain functions over node:http; createGateway maps paths to them. */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL, scope: RequestScope) => void | Promise<void>;
