/**
 * Ports that a platform takes for itself.
 *
 * AirPlay Receiver: macOS 12 (Monterey) and later listen on 5000 and 7000
 * while System Settings > General > AirDrop & Handoff > AirPlay Receiver is
 * on, so a dev server there fails with "address already in use" or answers
 * 403 from AirTunes. Source: Apple, "TCP and UDP ports used by Apple
 * software products" (https://support.apple.com/en-us/103229).
 */
export const MACOS_AIRPLAY_PORTS: ReadonlySet<number> = new Set([5000, 7000]);

export function isMacOsAirPlayPort(port: number): boolean {
  return MACOS_AIRPLAY_PORTS.has(port);
}

/**
 * Kubernetes allocates Service nodePorts from `--service-node-port-range`,
 * default 30000-32767. Source: Kubernetes documentation, "Service",
 * type NodePort (https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport).
 */
export const KUBERNETES_NODE_PORT_RANGE = { from: 30000, to: 32767 } as const;

export function isInNodePortRange(port: number): boolean {
  return port >= KUBERNETES_NODE_PORT_RANGE.from && port <= KUBERNETES_NODE_PORT_RANGE.to;
}
