import type { SecurityGroupRuleFacts } from '../../model/kinds/vpc.js';
import { isUnknown, type Unknown } from '../../model/values.js';

/** Security-group rule helpers shared by the ingress rules. */

/** A CIDR with prefix length 0 (`0.0.0.0/0`, `::/0`, and any other `/0`): the whole internet. */
export function isWorldCidr(cidr: string): boolean {
  return /\/0$/.test(cidr.trim());
}

/** The rule's source is the whole internet (IPv4 or IPv6): true, false, or unknown. */
export function fromWorld(rule: SecurityGroupRuleFacts): boolean | Unknown {
  const peer = rule.peer;
  if (isUnknown(peer)) return peer;
  if (peer.type !== 'cidrIpv4' && peer.type !== 'cidrIpv6') return false;
  if (isUnknown(peer.value)) return peer.value;
  return isWorldCidr(peer.value as string);
}

/** All protocols: `-1` (every port of every protocol). */
export function allProtocols(rule: SecurityGroupRuleFacts): boolean {
  return rule.protocol === '-1';
}

/**
 * Whether the rule opens TCP `port` (protocol `-1`, or tcp with a range covering it; a `-1` or absent bound
 * means every port, as cdk-nag and EC2 read it).
 */
export function opensTcpPort(rule: SecurityGroupRuleFacts, port: number): boolean | Unknown {
  if (isUnknown(rule.protocol)) return rule.protocol;
  if (rule.protocol === '-1') return true;
  if (rule.protocol !== 'tcp') return false;
  const from = rule.fromPort;
  const to = rule.toPort;
  if (isUnknown(from)) return from;
  if (isUnknown(to)) return to;
  if (from === undefined || to === undefined || from === -1 || to === -1) return true;
  return from <= port && port <= to;
}

/** `tcp 22`, `tcp 0-65535`, `all traffic`. */
export function describePorts(rule: SecurityGroupRuleFacts): string {
  if (rule.protocol === '-1') return 'all traffic';
  const protocol = isUnknown(rule.protocol) ? 'unknown protocol' : rule.protocol;
  const from = isUnknown(rule.fromPort) ? '?' : rule.fromPort === undefined ? 'all' : String(rule.fromPort);
  const to = isUnknown(rule.toPort) ? '?' : rule.toPort === undefined ? 'all' : String(rule.toPort);
  return from === to ? `${protocol} ${from}` : `${protocol} ${from}-${to}`;
}

export function describePeer(rule: SecurityGroupRuleFacts): string {
  const peer = rule.peer;
  if (isUnknown(peer)) return 'an unknown source';
  if (isUnknown(peer.value)) return `${peer.type} unknown`;
  if (typeof peer.value === 'string') return peer.value;
  // A model id is `<input>#<logical id or address>`: name the group, not the scanned file's path.
  const ref = peer.value.$ref;
  return `${peer.type === 'prefixList' ? 'prefix list' : 'security group'} ${ref.slice(ref.lastIndexOf('#') + 1)}`;
}

/**
 * Ingress rules open to the internet on any of `ports`: `{ hits, unknowns }` with a description of each
 * (`inline ingress #1: 0.0.0.0/0 → tcp 22`).
 */
export function worldOpenings(
  ingress: readonly SecurityGroupRuleFacts[],
  ports: readonly number[],
): { hits: string[]; unknowns: string[] } {
  const hits: string[] = [];
  const unknowns: string[] = [];
  for (const rule of ingress) {
    const world = fromWorld(rule);
    if (world === false) continue;
    const matched = ports.filter((port) => opensTcpPort(rule, port) === true);
    const unclear = ports.some((port) => isUnknown(opensTcpPort(rule, port)));
    const where = `${rule.origin}: ${describePeer(rule)} → ${describePorts(rule)}`;
    if (isUnknown(world)) {
      if (matched.length > 0 || unclear) unknowns.push(`${where} (source ${world.$unknown})`);
    } else if (matched.length > 0) hits.push(`${where} (port ${matched.join(', ')})`);
    else if (unclear) unknowns.push(`${where} (ports unknown)`);
  }
  return { hits, unknowns };
}
