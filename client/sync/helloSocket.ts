// The WebSocket class the y-websocket provider opens: it sends the hello (the link's token, this
// person's secret, and the name and group they entered) as the socket's first message, so that neither ever appears in a URL.
// Its "open" listener is registered in the constructor, before the provider sets `onopen`, so
// the hello goes out ahead of the provider's first sync message.
import { encodeHello, type Hello } from '../../shared/protocol/hello.ts';

type SocketClass = typeof WebSocket;

/**
 * `hello` may be a function, asked on each new socket: a reconnection then says who the person
 * is now (their name and group, which the server records in the attendance).
 */
export function helloWebSocket(hello: Hello | (() => Hello), Base: SocketClass = WebSocket): SocketClass {
  const fixed = typeof hello === 'function' ? null : encodeHello(hello);
  return class HelloWebSocket extends Base {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      const frame = fixed ?? encodeHello((hello as () => Hello)());
      this.addEventListener('open', () => this.send(frame));
    }
  };
}
