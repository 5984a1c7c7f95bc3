import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { hostAddressOf, isPublicAddress } from '../../../lib/public-address';

/** Resolves a host name to all its addresses (dns.lookup's shape; a test may answer instead). */
export type ResolveAll = (
  hostname: string,
  options: LookupAllOptions,
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

export type PostOptions = {
  /** Private, loopback and link-local targets are refused unless the instance allows them. */
  allowPrivate: boolean;
  timeoutMs: number;
  resolve?: ResolveAll;
};

export type PostResult = { status: number | null; error: string | null };

const NOT_PUBLIC = 'EADDRNOTPUBLIC';

/**
 * POSTs `body` to `url` and answers the status, or why it failed. Unless private targets are
 * allowed, every address of the host must be public, and the connection goes to an address that
 * was checked: a second resolution cannot swap in another (DNS rebinding). Redirects are not
 * followed: a 3xx is a failure.
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  { allowPrivate, timeoutMs, resolve = dnsLookup as ResolveAll }: PostOptions,
): Promise<PostResult> {
  const target = new URL(url);
  const address = hostAddressOf(target);
  if (!allowPrivate && address && !isPublicAddress(address)) {
    return Promise.resolve({ status: null, error: `address ${address} is not public` });
  }
  const lookup: LookupFunction = (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const refused = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      if (refused) {
        const error = Object.assign(new Error(`address ${refused.address} of ${hostname} is not public`), {
          code: NOT_PUBLIC,
        });
        return callback(error, '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
  const send = target.protocol === 'https:' ? https.request : http.request;
  return new Promise((done) => {
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        res.resume();
        const status = res.statusCode ?? null;
        done({ status, error: status === null || status >= 300 ? `answered ${status}` : null });
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => {
      const reason = err.code === NOT_PUBLIC ? err.message : (err.code ?? err.name ?? 'request failed');
      done({ status: null, error: reason });
    });
    req.end(body);
  });
}
