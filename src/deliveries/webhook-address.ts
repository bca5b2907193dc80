/**
 * Where webhooks may point. A receiver must be a public address: loopback, private, link-local, metadata and other
 * special addresses would let a portal admin probe the server's own network through the delivery log (SSRF). The
 * operator may allow loopback, or loopback and private networks (LECTERN_WEBHOOK_ALLOW_PRIVATE). Names are checked
 * after resolution, in the lookup that the connection itself uses, so a name that resolves inward is caught too.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { WebhookAllowance } from '../config.ts';

/** What an address is, for the webhook rule. */
export type AddressClass = 'public' | 'loopback' | 'private' | 'link-local' | 'special';

/** Cloud metadata services outside link-local (AWS over IPv6, Alibaba): refused whatever the allowance. */
const metadataAddresses = new Set(['fd00:ec2::254', '100.100.100.200']);

const ipv6GlobalUnicast = ipaddr.parseCIDR('2000::/3');
// IPv4-compatible IPv6 (::a.b.c.d, deprecated) reaches IPv4 on some stacks; ipaddr calls it unicast.
const ipv4Compatible = ipaddr.parseCIDR('::/96');

/** Classifies an IP address text; IPv4-mapped IPv6 (::ffff:127.0.0.1) counts as the IPv4 address it carries. */
export function classifyAddress(text: string): AddressClass {
  const address = ipaddr.process(text);
  const range = address.range();
  if (range === 'loopback') return 'loopback';
  if (range === 'private' || range === 'uniqueLocal' || range === 'carrierGradeNat') return 'private';
  if (range === 'linkLocal') return 'link-local';
  if (range !== 'unicast') return 'special';
  if (address.kind() === 'ipv6' && (!address.match(ipv6GlobalUnicast) || address.match(ipv4Compatible))) {
    return 'special';
  }
  return 'public';
}

/** The non-public classes each allowance lets through (public addresses are always allowed). */
const allowedClasses: Record<WebhookAllowance, ReadonlySet<AddressClass>> = {
  none: new Set(),
  loopback: new Set(['loopback']),
  private: new Set(['loopback', 'private']),
};

const described: Record<Exclude<AddressClass, 'public'>, string> = {
  loopback: 'a loopback address',
  private: 'a private-network address',
  'link-local': 'a link-local address',
  special: 'a reserved, multicast or unspecified address',
};

/** Why a webhook may not reach this address under the allowance (naming it as `label`), or null when it may. */
export function addressRefusal(address: string, allowance: WebhookAllowance, label = address): string | null {
  const normalized = ipaddr.process(address).toString();
  if (metadataAddresses.has(normalized)) return `${label} is a cloud metadata address, which webhooks may not reach`;
  const kind = classifyAddress(address);
  if (kind === 'public' || allowedClasses[allowance].has(kind)) return null;
  const hint =
    kind === 'loopback' || kind === 'private'
      ? ` (the operator may allow it: LECTERN_WEBHOOK_ALLOW_PRIVATE=${kind})`
      : ' (never allowed)';
  return `${label} is ${described[kind]}, which webhooks may not reach${hint}`;
}

/** The address in a URL's host when it is an IP literal (`[::1]` without brackets), else null. */
export function literalAddress(url: URL): string | null {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return isIP(host) === 0 ? null : host;
}

/** True for names that always mean this machine (RFC 6761): `localhost` and anything under `.localhost`. */
export function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

/** The error a guarded lookup fails with: the connection is never opened. */
export class RefusedAddressError extends Error {
  readonly code = 'ERR_WEBHOOK_ADDRESS_REFUSED';
}

/**
 * A `lookup` for an HTTP agent that resolves with `resolve` (dns.lookup by default) and fails when any address
 * the name resolves to is refused, so the address checked is the address connected to (no DNS rebinding between).
 */
export function guardedLookup(allowance: WebhookAllowance, resolve: LookupFunction = dnsLookup): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    resolve(hostname, options, (error, address: string | LookupAddress[], family?: number) => {
      if (error) {
        callback(error, address as string, family);
        return;
      }
      const addresses = Array.isArray(address) ? address.map((entry) => entry.address) : [address];
      for (const resolved of addresses) {
        const refusal = addressRefusal(resolved, allowance, `${hostname} (${resolved})`);
        if (refusal !== null) {
          callback(new RefusedAddressError(refusal), address as string, family);
          return;
        }
      }
      callback(null, address as string, family);
    });
  };
}
