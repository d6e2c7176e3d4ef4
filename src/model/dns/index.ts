// Cluster DNS: CoreDNS's records and answers, pods' resolv.conf, and the resolver's search walk.

export { corefile } from './corefile';
export { etcHosts, type EtcHosts, type HostsEntry } from './etcHosts';
export { CoreDns, lookup, TTL } from './lookup';
export { dnsRecords, formatRecord } from './records';
export { resolvConf } from './resolvConf';
export { resolve } from './resolve';
export type * from './types';
