import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress } from '../../server/http/clientAddress.ts';

describe('the address a request comes from', () => {
  it('is the socket’s peer, whatever X-Forwarded-For says, when no proxy is trusted', () => {
    expect(clientAddress('192.0.2.7', '203.0.113.9', 0)).toBe('192.0.2.7');
    expect(clientAddress('192.0.2.7', undefined, 0)).toBe('192.0.2.7');
    expect(clientAddress(undefined, undefined, 0)).toBe('unknown');
  });

  it('is the entry the nearest trusted proxy wrote, not one the client wrote before it', () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy appended the address it saw.
    expect(clientAddress('10.0.0.2', '6.6.6.6, 203.0.113.9', 1)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', ['6.6.6.6', '203.0.113.9'], 1)).toBe('203.0.113.9');
    // Two proxies: a CDN appended the client, the local proxy appended the CDN.
    expect(clientAddress('10.0.0.2', '6.6.6.6, 203.0.113.9, 198.51.100.4', 2)).toBe('203.0.113.9');
    // Fewer entries than proxies: the leftmost is as far as the trusted chain reaches.
    expect(clientAddress('10.0.0.2', '203.0.113.9', 3)).toBe('203.0.113.9');
  });

  it('falls back to the peer when the header is missing, empty or not an address', () => {
    expect(clientAddress('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', ' , ', 1)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', 'unknown', 1)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', '203.0.113.9:4711', 1)).toBe('10.0.0.2');
  });
});

describe('the key an address is counted under', () => {
  it('is an IPv4 address itself, also written as IPv4-mapped IPv6', () => {
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('::FFFF:192.0.2.7')).toBe('192.0.2.7');
  });

  it('is the /64 network of an IPv6 address, however it is written', () => {
    const key = '2001:db8:1:2::/64';
    expect(addressKey('2001:db8:1:2::1')).toBe(key);
    expect(addressKey('2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe(key);
    expect(addressKey('2001:DB8:1:2:ffff::')).toBe(key);
    expect(addressKey('2001:db8:1:2::1%eth0')).toBe(key);
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('2001:db8:1:3::1')).not.toBe(key);
  });

  it('leaves anything else as it is', () => {
    expect(addressKey('unknown')).toBe('unknown');
  });
});
