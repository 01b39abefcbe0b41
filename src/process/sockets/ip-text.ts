import net from 'node:net';
import type { SocketAddress } from '../../ffi';

const IPV6_GROUPS = 8;

/** The 8 groups of an IPv6 address in text form; a trailing dotted quad fills the last two. */
function ipv6Groups(text: string): number[] {
  const [head = '', tail] = text.split('::');
  const parse = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [parseInt(group, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array<number>(IPV6_GROUPS - left.length - right.length).fill(0), ...right];
}

/**
 * A socket address from a numeric IP in text (as Node's dgram reports senders) and a port; null
 * when the text is not an IP address. A zone suffix (`fe80::1%eth0`) is dropped: Lisp addresses
 * have no place for it.
 */
export function ipTextToSocketAddress(text: string, port: number): SocketAddress | null {
  const host = text.split('%')[0] ?? '';
  switch (net.isIP(host)) {
    case 4:
      return { family: 'inet', bytes: host.split('.').map(Number) as [number, number, number, number], port };
    case 6:
      return { family: 'inet6', groups: ipv6Groups(host), port };
    default:
      return null;
  }
}

/** An IP socket address as Node's net and dgram take it: numeric host text and port. */
export function nodeAddress(address: SocketAddress & { family: 'inet' | 'inet6' }): {
  host: string;
  port: number;
  family: 'inet' | 'inet6';
} {
  const host =
    address.family === 'inet'
      ? address.bytes.join('.')
      : address.groups.map((group) => group.toString(16)).join(':');
  return { host, port: address.port, family: address.family };
}
