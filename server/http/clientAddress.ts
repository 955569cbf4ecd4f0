// Who a request comes from, for the per-address rate limits.
//
// X-Forwarded-For is trusted only when TRUST_PROXY says how many proxies stand in front of the
// server: anyone can write that header, so without a proxy it would let a sender pick a new
// address for every request. Each proxy appends the address it received the request from, so
// behind N proxies the client is the Nth entry from the right; entries further left were written
// by the client itself.
import { isIP } from 'node:net';

export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: number,
): string {
  const socket = peer ?? 'unknown';
  if (trustedProxies <= 0 || forwardedFor === undefined) return socket;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  // Fewer entries than proxies: the leftmost is as far as the chain of trusted proxies reaches.
  const entry = hops[Math.max(0, hops.length - trustedProxies)];
  // A proxy writes an address; anything else means it is not the proxy TRUST_PROXY describes.
  return entry !== undefined && isIP(entry) !== 0 ? entry : socket;
}

/**
 * The key an address is counted under: an IPv4 address as it is (also when written as an
 * IPv4-mapped IPv6 address), an IPv6 address by its /64 network, since one host is commonly given
 * a whole /64 and could otherwise use a new address for every request.
 */
export function addressKey(address: string): string {
  const plain = address.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain);
  if (mapped) return mapped[1] as string;
  if (isIP(plain) !== 6) return plain;
  const [head = '', tail] = plain.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  // An embedded IPv4 address at the end stands for two groups.
  const rightGroups = right.length + (right.some((group) => group.includes('.')) ? 1 : 0);
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - rightGroups).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
