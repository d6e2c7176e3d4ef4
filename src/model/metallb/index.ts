// MetalLB (v0.15.3): what the reconciler, the trace and the CLI use.

export { lanSubnets, runMetalLB, type MetalLBInput, type MetalLBResult } from './runMetalLB';
export { metallbConfig } from './config';
export { allocateLoadBalancerIPs, isMetalLBService } from './controller';
export { arpExchange, electionOrder, gratuitousArp, l2Announcements } from './layer2';
export { bgpAnnouncements, routerNextHop, routerTables } from './bgp';
export { speakerView } from './speakers';
export type * from './types';
