import type { PortOccurrence } from '../core/detector/types';

/**
 * What a port does in this file, in words for the hover's headline:
 * "host port, published to container port 8080".
 */
export function describeRole(o: PortOccurrence): string {
  const range = o.rangeEnd && o.rangeOther !== undefined ? `, ${o.rangeEnd} of range ${o.rangeEnd === 'start' ? `${o.port}-${o.rangeOther}` : `${o.rangeOther}-${o.port}`}` : '';
  const proto = o.protocol ? `/${o.protocol}` : '';
  let text: string;
  switch (o.role) {
    case 'published':
      text = o.mappedTo !== undefined ? `host port${proto}, published to container port ${o.mappedTo}` : `published host port${proto}`;
      break;
    case 'container':
      text = o.mappedTo !== undefined ? `container port${proto}, published on host port ${o.mappedTo}` : `container (target) port${proto}`;
      break;
    case 'listen':
      // A Service's port is a virtual port on the cluster IP, not a bind.
      text = o.format === 'kubernetes' && o.key === 'port' ? `Service port${proto}` : `listening port${proto}`;
      break;
    case 'exposed':
      text = `exposed port${proto} (declared, not published)`;
      break;
    case 'connect':
      text = `remote endpoint${proto} this configuration connects to`;
      break;
    case 'firewall':
      text = `port${proto} in a firewall rule`;
      break;
    default:
      text = `port${proto}`;
  }
  // The key says something when it is not just the list the mapping sits in.
  if (o.key && !/^(ports|expose)$/i.test(o.key)) text += ` (\`${o.key.replace(/`/g, '')}\`)`;
  return `${text}${range}${o.comment ? ', in a comment' : ''}`;
}
