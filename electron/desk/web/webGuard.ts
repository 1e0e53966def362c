// The gate of web mode: a per-launch secret (URL once, then an HttpOnly SameSite=Strict cookie or a header)
// and Host/Origin checks against DNS rebinding, so no other local process, user or web page reaches the replica.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SECRET_COOKIE = 'imi_desk_secret';
export const SECRET_HEADER = 'x-imi-desk-secret';
export const SECRET_QUERY = 'secret';

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

function sameSecret(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export interface Guard {
  secret: string;
  /** Host names a browser may use for us; anything else is a rebinding attempt (evil.example → 127.0.0.1). */
  hostAllowed(req: IncomingMessage): boolean;
  /** A cross-origin page must not drive the API; requests without Origin (same-origin GET, Node clients) pass. */
  originAllowed(req: IncomingMessage): boolean;
  /** The secret arrived by cookie or header. */
  authenticated(req: IncomingMessage): boolean;
  /** The secret in the query string (the printed URL): the caller sets the cookie and redirects. */
  secretInQuery(url: URL): boolean;
  setCookieHeader(): string;
}

/** `extraOrigins`: e.g. the renderer's Vite dev server proxying /trpc to us (it still needs the secret). */
export function createGuard(port: () => number, secret: string = newSecret(), extraOrigins: readonly string[] = []): Guard {
  const hosts = () => [`127.0.0.1:${port()}`, `localhost:${port()}`];
  return {
    secret,
    hostAllowed: (req) => hosts().includes(req.headers.host ?? ''),
    originAllowed: (req) => {
      const origin = req.headers.origin;
      return origin === undefined || hosts().some((h) => origin === `http://${h}`) || extraOrigins.includes(origin);
    },
    authenticated: (req) => {
      const header = req.headers[SECRET_HEADER];
      return sameSecret(typeof header === 'string' ? header : undefined, secret) || sameSecret(cookieValue(req.headers.cookie, SECRET_COOKIE), secret);
    },
    secretInQuery: (url) => sameSecret(url.searchParams.get(SECRET_QUERY) ?? undefined, secret),
    setCookieHeader: () => `${SECRET_COOKIE}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
  };
}
