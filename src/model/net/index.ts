// The ground floor's addresses: everything in the model that reads or prints an IP address
// comes here, and names the dialect it reads and the program whose printing it imitates.

export { formatIPv4, parseIPv4Go, parseIPv4Sloppy } from './ipv4';
export { cidrContains, cidrSize, formatCidr, maskOf, nthAddress, parseCidr, type Cidr } from './cidr4';
export { maskPrefix6, parseIPv6Go, parseIPv6Sloppy, prefixMask6 } from './ipv6';
export { formatIPv6Netip, formatIPv6Ntop } from './format6';
export { cidr6Contains, formatCidr6, parseCidr6, type Cidr6 } from './cidr6';
export {
  canonicalSloppy,
  formatAddrGo,
  formatPrefixGo,
  joinHostPort,
  parseAddrGo,
  parseAddrSloppy,
  parsePrefixGo,
  parsePrefixSloppy,
  prefixContains,
  prefixesOverlap,
  prefixOf,
  sizeOf,
  summarize,
  type Addr,
  type Family,
  type Prefix,
} from './addr';
