/** Transport protocols that IANA assigns port numbers for. */
export type Transport = 'tcp' | 'udp' | 'sctp' | 'dccp';

export const TRANSPORTS: readonly Transport[] = ['tcp', 'udp', 'sctp', 'dccp'];

/** One IANA service name on one transport, in IANA's order. */
export interface ServiceAssignment {
  readonly name: string;
  readonly transport: Transport;
  readonly description: string;
  /** A short assignment note from IANA, where it has one. */
  readonly note?: string;
  /** IANA's "known unauthorized uses" remark, where it has one. */
  readonly unauthorizedUse?: string;
  /** Set when the assignment is a range, such as x11 on 6000-6063. */
  readonly range?: { readonly from: number; readonly to: number };
}

export type AssignmentStatus = 'assigned' | 'reserved' | 'unassigned';

/** What IANA says of one port on one transport. */
export interface TransportAssignment {
  readonly transport: Transport;
  readonly status: AssignmentStatus;
  /** Every service name, primary first; empty unless assigned. */
  readonly services: readonly ServiceAssignment[];
  /** IANA's description of a reserved entry ("Reserved"). */
  readonly reservedDescription?: string;
}
