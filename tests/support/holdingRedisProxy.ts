import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of a Redis that can hold Redis's replies (commands still reach Redis and run, in
 * order), and that shows which commands the gateway sent: how a test puts a purge between a read and
 * its reply, the moment a real Redis under load would choose at random.
 */
export class HoldingRedisProxy {
  /** Once a connection sends a command with both, Redis's replies to it (that command's and every later one's) are held. */
  private pattern: [command: string, text: string] | undefined;
  private readonly holding = new Set<Socket>();
  private readonly held: { socket: Socket; chunk: Buffer }[] = [];
  private readonly sockets = new Set<Socket>();
  /** Everything the gateway sent, as text (RESP), for waiting on a command. */
  sent = '';

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(redisPort: number): Promise<HoldingRedisProxy> {
    let proxy: HoldingRedisProxy | undefined;
    const server = createServer((client) => {
      const redis = createConnection(redisPort, '127.0.0.1');
      proxy?.sockets.add(client).add(redis);
      client.on('data', (chunk) => {
        const text = chunk.toString('latin1');
        if (proxy) proxy.sent += text;
        if (proxy?.pattern && text.includes(proxy.pattern[0]) && text.includes(proxy.pattern[1])) proxy.holding.add(client);
        redis.write(chunk);
      });
      redis.on('data', (chunk) => {
        if (proxy?.holding.has(client)) proxy.held.push({ socket: client, chunk });
        else client.write(chunk);
      });
      const end = () => {
        client.destroy();
        redis.destroy();
      };
      client.on('close', end).on('error', end);
      redis.on('close', end).on('error', end);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = new HoldingRedisProxy(server, (server.address() as { port: number }).port);
    return proxy;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** From now on, a connection that sends `command` naming `text` gets no more replies until `release`. */
  holdAfter(command: string, text: string): void {
    this.sent = '';
    this.pattern = [command, text];
  }

  /** Whether some connection is being held. */
  get holdingAny(): boolean {
    return this.holding.size > 0;
  }

  release(): void {
    this.pattern = undefined;
    this.holding.clear();
    for (const { socket, chunk } of this.held.splice(0)) if (!socket.destroyed) socket.write(chunk);
  }

  async close(): Promise<void> {
    this.release();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
