// Serves the renderer build from app://desk/ (a privileged, standard, secure scheme) instead of file://, so
// the page has a real origin, a strict Content-Security-Policy header, and no access to other local files.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../desk/web/staticFiles';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://desk';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** The IPC bridge replaces WebSocket in the app, so the page may connect nowhere but itself. */
const APP_CSP = CONTENT_SECURITY_POLICY.replace(/connect-src [^;]+/, "connect-src 'self'");

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'desk') return new Response('not found', { status: 404 });
    const relative = path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    const candidate = path.join(rendererDir, relative);
    const inside = !path.relative(rendererDir, candidate).startsWith('..');
    // Unknown paths are client-side routes of the single-page app.
    const file = inside && path.extname(candidate) ? candidate : path.join(rendererDir, 'index.html');
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', APP_CSP);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
