// XML: firewalld services and zones (`<port protocol="tcp" port="8080"/>`,
// `<forward-port port="80" to-port="8080"/>`) and any XML whose attribute or
// element names are port keys. `<!-- -->` comments may span lines.
import type { ScanContext } from './context';
import type { PortRole } from './types';
import { scanEndpoints } from './endpoints';
import { portKeyInfo } from './keys';
import { scanPortValue } from './values';
import { indexOfIn, isSpace } from './text';

interface Attr {
  readonly name: string;
  readonly vs: number;
  readonly ve: number;
}

function parseAttrs(text: string, s: number, e: number): Attr[] {
  const attrs: Attr[] = [];
  let i = s;
  while (i < e && attrs.length < 128) {
    while (i < e && isSpace(text.charCodeAt(i))) i++;
    const ns = i;
    while (i < e && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 61 && text.charCodeAt(i) !== 62 && text.charCodeAt(i) !== 47) i++;
    const ne = i;
    if (ne === ns) {
      i++;
      continue;
    }
    while (i < e && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 61) continue;
    i++;
    while (i < e && isSpace(text.charCodeAt(i))) i++;
    const q = text.charCodeAt(i);
    if (q !== 34 && q !== 39) continue;
    const close = indexOfIn(text, String.fromCharCode(q), i + 1, e);
    if (close === -1 || close > e) break;
    attrs.push({ name: text.slice(ns, ne), vs: i + 1, ve: close });
    i = close + 1;
  }
  return attrs;
}

export function scanXml(ctx: ScanContext): void {
  const { text, out, lines, ignore } = ctx;
  const firewall = ctx.format === 'firewalld';
  const n = text.length;
  let i = 0;
  let element = '';
  const roleFor = (key: string): PortRole | undefined => {
    const info = portKeyInfo(key);
    if (!info) return undefined;
    return firewall ? 'firewall' : info.role ?? 'unknown';
  };
  const tag = (s: number, e: number, comment: boolean): string => {
    // s is just after `<`
    let ne = s;
    while (ne < e && !isSpace(text.charCodeAt(ne)) && text.charCodeAt(ne) !== 62 && text.charCodeAt(ne) !== 47) ne++;
    const name = text.slice(s, ne);
    const attrs = parseAttrs(text, ne, e);
    const protoAttr = attrs.find((a) => a.name === 'protocol');
    const proto = protoAttr ? text.slice(protoAttr.vs, protoAttr.ve).toLowerCase() : '';
    const protocol = proto === 'tcp' || proto === 'udp' || proto === 'sctp' ? proto : undefined;
    // A name/value pair in attributes: `<param name="listen-port" value="8021"/>`, `<property name="port" value="8080"/>`.
    const named = attrs.find((a) => a.name === 'name' || a.name === 'key');
    const pairKey = named ? text.slice(named.vs, named.ve) : undefined;
    // Or the element's content is the value: Solr `<int name="hostPort">8983</int>`.
    contentKey = pairKey !== undefined && roleFor(pairKey) !== undefined ? pairKey : undefined;
    for (const a of attrs) {
      const role = roleFor(a.name) ?? (a.name === 'value' && pairKey !== undefined ? roleFor(pairKey) : undefined);
      if (role) scanPortValue(text, a.vs, a.ve, out, { role, comment, key: a.name === 'value' ? pairKey : a.name, colonIsRange: true, protocol });
      else scanEndpoints(text, a.vs, a.ve, out, { comment });
    }
    return name;
  };
  // A name/value pair in elements (Hadoop): `<name>dfs.datanode.port</name>` then `<value>50010</value>`.
  let pairName: string | undefined;
  let contentKey: string | undefined;
  let elementKey: string | undefined;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const stop = lt === -1 ? n : lt;
    if (stop > i) {
      // Text content: a port when the element is named like one, or is the value of a name that is.
      const key = element === 'value' && pairName !== undefined ? pairName : elementKey ?? element;
      const role = key ? roleFor(key) : undefined;
      if (role) scanPortValue(text, i, stop, out, { role, comment: false, key, colonIsRange: true });
      else scanEndpoints(text, i, stop, out, { comment: false });
      if (element === 'name') pairName = stop - i <= 200 ? text.slice(i, stop).trim() : undefined;
      else if (element === 'value') pairName = undefined;
    }
    if (lt === -1) break;
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      const end = close === -1 ? n : close;
      if (ignore.active) {
        const l0 = lines.lineOf(lt);
        const l1 = lines.lineOf(end);
        for (let l = l0; l <= l1; l++) ignore.noteComment(l, Math.max(lt, lines.start(l)), Math.min(end + 3, lines.end(l)), l === l0);
      }
      // Commented-out elements still name their ports (as comments).
      let j = lt + 4;
      while (j < end) {
        const t = indexOfIn(text, '<', j, end);
        if (t === -1 || t >= end) {
          scanEndpoints(text, j, end, out, { comment: true });
          break;
        }
        scanEndpoints(text, j, t, out, { comment: true });
        const g = indexOfIn(text, '>', t, end);
        const ge = g === -1 || g > end ? end : g;
        tag(t + 1, ge, true);
        j = ge + 1;
      }
      i = close === -1 ? n : close + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const close = text.indexOf(']]>', lt);
      const end = close === -1 ? n : close;
      scanEndpoints(text, lt + 9, end, out, { comment: false });
      i = close === -1 ? n : close + 3;
      continue;
    }
    const gt = text.indexOf('>', lt);
    const end = gt === -1 ? n : gt;
    const c1 = text.charCodeAt(lt + 1);
    if (c1 === 47 || c1 === 63 || c1 === 33) {
      element = '';
      elementKey = undefined;
    } else {
      contentKey = undefined;
      const name = tag(lt + 1, end, false);
      element = text.charCodeAt(end - 1) === 47 ? '' : name;
      elementKey = element === '' ? undefined : contentKey;
    }
    i = end + 1;
  }
}
