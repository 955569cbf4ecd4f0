// The WebSocket class the y-websocket provider opens: it sends the hello (the link's token and
// this person's secret) as the socket's first message, so that neither ever appears in a URL.
// Its "open" listener is registered in the constructor, before the provider sets `onopen`, so
// the hello goes out ahead of the provider's first sync message.
import { encodeHello, type Hello } from '../../shared/protocol/hello.ts';

type SocketClass = typeof WebSocket;

export function helloWebSocket(hello: Hello, Base: SocketClass = WebSocket): SocketClass {
  const frame = encodeHello(hello);
  return class HelloWebSocket extends Base {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('open', () => this.send(frame));
    }
  };
}
