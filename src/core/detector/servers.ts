// Web servers and proxies: nginx, Apache httpd, haproxy, Caddyfile.
import type { ScanContext } from './context';
import { scanEndpoints } from './endpoints';
import { scanDirectiveArgs, scanKeyValue } from './keyvalue';
import { portKeyInfo } from './keys';
import { forEachLine, hashComments, leadingHash } from './lines';
import { scanPortValue } from './values';
import { allDigits, hasDigit, indexOfIn, isSpace, skipSpaces, trimEnd } from './text';
import { cand } from './collector';

function firstWord(text: string, s: number, e: number): [number, number] {
  const a = skipSpaces(text, s, e);
  let b = a;
  while (b < e && !isSpace(text.charCodeAt(b))) b++;
  return [a, b];
}

/** What closes the template expression opening at the `{` at `i`: `${...}`, `{{...}}`, `{%...%}`, `{#...#}`. */
function templateCloser(text: string, i: number, lineStart: number): string | undefined {
  if (i > lineStart && text.charCodeAt(i - 1) === 36) return '}';
  const n = text.charCodeAt(i + 1);
  return n === 123 ? '}}' : n === 37 ? '%}' : n === 35 ? '#}' : undefined;
}

/** nginx: statements end at `;`, `{` or `}`; several may share a line. */
export function scanNginx(ctx: ScanContext): void {
  const { text, out } = ctx;
  forEachLine(ctx, { findComment: hashComments, markerChars: '#' }, (s, e, comment) => {
    if (!hasDigit(text, s, e)) return;
    let st = s;
    let quote = 0;
    // Whether template closers may still be ahead on this line (a line of `${` without one stays linear).
    let closeAhead = true;
    for (let i = s; i <= e; i++) {
      const c = i < e ? text.charCodeAt(i) : 59;
      if (quote) {
        if (c === quote) quote = 0;
        continue;
      }
      if (c === 34 || c === 39) quote = c;
      else if (c === 123 && closeAhead && (templateCloser(text, i, s) !== undefined)) {
        // `${VAR}` and Jinja `{{ ip }}`, `{% if %}` in a template (`server {{ backend_ip }}:443;`)
        // are part of the statement, not blocks.
        const closer = templateCloser(text, i, s) ?? '}';
        const close = indexOfIn(text, closer, i + 1, e);
        if (close !== -1) i = close + closer.length - 1;
        else closeAhead = false;
      } else if (c === 59 || c === 123 || c === 125) {
        statement(st, i);
        st = i + 1;
      }
    }
    function statement(a: number, b: number): void {
      const [ds, de] = firstWord(text, a, b);
      if (ds >= de) return;
      const name = text.slice(ds, de);
      const as = skipSpaces(text, de, b);
      const ae = trimEnd(text, as, b);
      if (as >= ae) return;
      if (name === 'listen') {
        let fe = as;
        while (fe < ae && !isSpace(text.charCodeAt(fe))) fe++;
        if (allDigits(text, as, fe)) out.add(cand(as, fe - as, 'listen', comment, 'listen'));
        else scanEndpoints(text, as, fe, out, { comment, role: 'listen', key: 'listen', address: true });
        return;
      }
      if (name === 'set' || name === 'proxy_set_header' || name === 'add_header' || name === 'fastcgi_param' || name === 'env') {
        // `set $backend_port 8080;` names the port in the variable.
        const [vs, ve] = firstWord(text, as, ae);
        const info = portKeyInfo(text.slice(vs, ve).replace(/^\$/, ''));
        if (info) scanPortValue(text, skipSpaces(text, ve, ae), ae, out, { role: info.role ?? 'connect', comment, key: text.slice(vs, ve) });
      } else {
        const info = portKeyInfo(name);
        if (info) scanPortValue(text, as, ae, out, { role: info.role ?? 'listen', comment, key: name });
      }
      const upstream = name === 'server' || name.endsWith('_pass');
      if (upstream) {
        // The first argument of `server` / `*_pass` is always an address: `fastcgi_pass php:9000;`
        // and `server node:9004;` name service hosts, even where the name is also an image's.
        const [fs, fe] = firstWord(text, as, ae);
        scanEndpoints(text, fs, fe, out, { comment, role: 'connect', address: true });
      }
      scanEndpoints(text, as, ae, out, { comment, role: upstream ? 'connect' : undefined });
    }
  });
}

/** Apache httpd: `Listen`, `<VirtualHost *:443>`, `ServerName host:port`, ProxyPass URLs. */
export function scanApache(ctx: ScanContext): void {
  const { text, out } = ctx;
  forEachLine(ctx, { findComment: leadingHash, markerChars: '#' }, (s, e, comment) => {
    if (!hasDigit(text, s, e)) return;
    const a = skipSpaces(text, s, e);
    const head = text.slice(a, Math.min(e, a + 20)).toLowerCase();
    if (head.startsWith('<virtualhost') || head.startsWith('namevirtualhost')) {
      scanEndpoints(text, a, e, out, { comment, role: 'listen', key: head.startsWith('<') ? 'VirtualHost' : 'NameVirtualHost' });
      return;
    }
    scanKeyValue(ctx, a, e, comment, { separator: 'equals-or-space', defaultRole: 'listen' });
  });
}

const HAPROXY_LISTEN = new Set(['bind', 'dgram-bind', 'monitor-net']);
const HAPROXY_CONNECT = new Set(['server', 'default-server', 'server-template', 'peer', 'nameserver', 'mailer', 'log', 'source']);

/** haproxy: `bind` addresses listen; `server`/`peer`/`nameserver` addresses connect; `port N` arguments. */
export function scanHaproxy(ctx: ScanContext): void {
  const { text, out } = ctx;
  forEachLine(ctx, { findComment: hashComments, markerChars: '#' }, (s, e, comment) => {
    if (!hasDigit(text, s, e)) return;
    const [ks, ke] = firstWord(text, s, e);
    const kw = text.slice(ks, ke).toLowerCase();
    const as = skipSpaces(text, ke, e);
    // `stats socket ipv4@127.0.0.1:9999 level admin`: the runtime API listens there, like a bind.
    const statsSocket = kw === 'stats' && text.startsWith('socket', as) && isSpace(text.charCodeAt(as + 6));
    if (HAPROXY_LISTEN.has(kw) || statsSocket) {
      const fs = statsSocket ? skipSpaces(text, as + 6, e) : as;
      let fe = fs;
      while (fe < e && !isSpace(text.charCodeAt(fe))) fe++;
      scanEndpoints(text, fs, fe, out, { comment, role: 'listen', key: statsSocket ? 'stats socket' : kw });
      return;
    }
    scanDirectiveArgs(ctx, kw, as, e, comment);
    if (kw === 'server' || kw === 'default-server') {
      // `server <name> <address>[:port]`: the second argument is an address by the grammar (`stalwart-mail:25`).
      const [ns, ne] = firstWord(text, as, e);
      const [fs, fe] = firstWord(text, ne, e);
      if (ns < ne && fs < fe) scanEndpoints(text, fs, fe, out, { comment, role: 'connect', key: kw, address: true });
    }
    scanEndpoints(text, as, e, out, { comment, role: HAPROXY_CONNECT.has(kw) ? 'connect' : undefined, key: HAPROXY_CONNECT.has(kw) ? kw : undefined });
  });
}

/** Caddyfile: site addresses (`:80 {`, `localhost:8080, example.com:443 {`), `http_port`, proxies. */
export function scanCaddy(ctx: ScanContext): void {
  const { text, out } = ctx;
  forEachLine(ctx, { findComment: hashComments, markerChars: '#' }, (s, e, comment) => {
    if (!hasDigit(text, s, e)) return;
    const a = skipSpaces(text, s, e);
    const b = trimEnd(text, a, e);
    const last = text.charCodeAt(b - 1);
    const [ks, ke] = firstWord(text, a, b);
    const kw = text.slice(ks, ke);
    const siteLine = (last === 123 || last === 44) && (kw.startsWith(':') || kw.includes(':') || kw.includes('.'));
    if (siteLine) {
      // CoreDNS serves the root zone as `.:53 {`.
      if (kw.startsWith('.:') && ke - ks <= 7 && allDigits(text, ks + 2, ke)) out.add(cand(ks + 2, ke - ks - 2, 'listen', comment, 'site address'));
      scanEndpoints(text, a, b, out, { comment, role: 'listen', key: 'site address' });
      return;
    }
    const info = portKeyInfo(kw);
    if (info) scanPortValue(text, skipSpaces(text, ke, b), b, out, { role: info.role ?? 'listen', comment, key: kw });
    const role = kw === 'admin' || kw === 'bind' ? 'listen' : undefined;
    scanEndpoints(text, ke, b, out, { comment, role, key: role ? kw : undefined });
  });
}
