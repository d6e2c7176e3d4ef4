// Rules as written -> as iptables-save prints them back. Every `saved` line was read
// from the real iptables-save v1.8.9 (nf_tables, Debian 12); kernel/save.test.ts
// re-checks them against the kernel when run as root. Chains X and Y exist in each table.

import type { TableName } from '../types';

export interface NormalisationCase {
  what: string;
  table: TableName;
  rule: string;
  saved: string;
  /** 6: loaded with ip6tables-restore and read back with ip6tables-save (v1.8.9, nf_tables). */
  family?: 6;
}

const f = (what: string, rule: string, saved: string): NormalisationCase => ({ what, table: 'filter', rule, saved });
const n = (what: string, rule: string, saved: string): NormalisationCase => ({ what, table: 'nat', rule, saved });
const f6 = (what: string, rule: string, saved: string): NormalisationCase => ({ what, table: 'filter', rule, saved, family: 6 });
const n6 = (what: string, rule: string, saved: string): NormalisationCase => ({ what, table: 'nat', rule, saved, family: 6 });

export const NORMALISATION_CASES: NormalisationCase[] = [
  f('a host address gets /32', '-A X -s 10.244.1.7 -j ACCEPT', '-A X -s 10.244.1.7/32 -j ACCEPT'),
  f('the address is masked to its network', '-A X -s 10.0.0.1/8 -j ACCEPT', '-A X -s 10.0.0.0/8 -j ACCEPT'),
  f('a dotted prefix mask becomes /len', '-A X -d 10.1.2.3/255.255.0.0 -j ACCEPT', '-A X -d 10.1.0.0/16 -j ACCEPT'),
  f('a non-prefix mask stays dotted', '-A X -d 10.1.2.3/255.0.255.0 -j ACCEPT', '-A X -d 10.0.2.0/255.0.255.0 -j ACCEPT'),
  f('0.0.0.0/0 is not printed', '-A X -s 1.2.3.4/32 -d 0.0.0.0/0 -j ACCEPT', '-A X -s 1.2.3.4/32 -j ACCEPT'),
  f(
    'header options come first, in -s -d -i -o -p order',
    '-A X -m comment --comment abc -p tcp --dport 80 -o cni0 ! -i eth0 -d 1.2.3.4 -s 5.6.7.8 -j ACCEPT',
    '-A X -s 5.6.7.8/32 -d 1.2.3.4/32 ! -i eth0 -o cni0 -p tcp -m comment --comment abc -m tcp --dport 80 -j ACCEPT',
  ),
  f('-p tcp with a port loads -m tcp', '-A X -p tcp --dport 80 -j ACCEPT', '-A X -p tcp -m tcp --dport 80 -j ACCEPT'),
  f(
    '-m tcp before -p tcp (kube-proxy order)',
    '-A X -m tcp -p tcp -d 10.96.0.1 --dport 443 -j Y',
    '-A X -d 10.96.0.1/32 -p tcp -m tcp --dport 443 -j Y',
  ),
  f('-p tcp alone stays without -m tcp', '-A X -p tcp -j ACCEPT', '-A X -p tcp -j ACCEPT'),
  f('-p by number or in capitals', '-A X -p 17 -j ACCEPT', '-A X -p udp -j ACCEPT'),
  f('-p all is not printed', '-A X -p all -j ACCEPT', '-A X -j ACCEPT'),
  f(
    '--sport prints before --dport',
    '-A X -p udp -m udp --dport 53 --sport 1000:1010 -j ACCEPT',
    '-A X -p udp -m udp --sport 1000:1010 --dport 53 -j ACCEPT',
  ),
  f(
    'long option names',
    '-A X --source 1.2.3.4 --protocol sctp --destination-port 9 --jump ACCEPT',
    '-A X -s 1.2.3.4/32 -p sctp -m sctp --dport 9 -j ACCEPT',
  ),
  f(
    'an option joins the extension that owns it',
    '-A X -p tcp -m tcp -m comment --comment x --dport 80',
    '-A X -p tcp -m tcp --dport 80 -m comment --comment x',
  ),
  f('negated port', '-A X -p tcp ! --dport 80 -j ACCEPT', '-A X -p tcp -m tcp ! --dport 80 -j ACCEPT'),
  f('--syn is a --tcp-flags mask', '-A X -p tcp --syn -j ACCEPT', '-A X -p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN -j ACCEPT'),
  f(
    'multiport long name',
    '-A X -p tcp -m multiport --destination-ports 80,443 -j ACCEPT',
    '-A X -p tcp -m multiport --dports 80,443 -j ACCEPT',
  ),
  f('-i + matches every interface and is not printed', '-A X -i + -j ACCEPT', '-A X -j ACCEPT'),
  f(
    'comment without special characters is bare',
    '-A X -m comment --comment default/x -j ACCEPT',
    '-A X -m comment --comment "default/x" -j ACCEPT',
  ),
  f('comment quotes are escaped', '-A X -m comment --comment "x\\"y" -j ACCEPT', '-A X -m comment --comment "x\\"y" -j ACCEPT'),
  f('single quote is escaped', '-A X -m comment --comment "a\'b" -j ACCEPT', '-A X -m comment --comment "a\\\'b" -j ACCEPT'),
  f('empty comment', '-A X -m comment --comment "" -j ACCEPT', '-A X -m comment --comment "" -j ACCEPT'),
  f(
    'ctstate in kernel order',
    '-A X -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT',
    '-A X -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
  ),
  f(
    'virtual ctstates last',
    '-A X -m conntrack --ctstate DNAT,SNAT,NEW,INVALID -j ACCEPT',
    '-A X -m conntrack --ctstate INVALID,NEW,SNAT,DNAT -j ACCEPT',
  ),
  f(
    'negated ctstate',
    '-A X -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
    '-A X -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
  ),
  f('-m state', '-A X -m state --state ESTABLISHED,RELATED -j ACCEPT', '-A X -m state --state RELATED,ESTABLISHED -j ACCEPT'),
  f('mark in decimal', '-A X -m mark --mark 16384 -j ACCEPT', '-A X -m mark --mark 0x4000 -j ACCEPT'),
  f('a full mark mask is not printed', '-A X -m mark --mark 0x4000/0xffffffff -j ACCEPT', '-A X -m mark --mark 0x4000 -j ACCEPT'),
  f('negated mark', '-A X -m mark ! --mark 0x4000/0x4000 -j RETURN', '-A X -m mark ! --mark 0x4000/0x4000 -j RETURN'),
  f(
    'addrtype types in kernel order, src before dst',
    '-A X -m addrtype --dst-type LOCAL,UNICAST --src-type LOCAL -j ACCEPT',
    '-A X -m addrtype --src-type LOCAL --dst-type UNICAST,LOCAL -j ACCEPT',
  ),
  f(
    'addrtype negated with interface limit',
    '-A X -m addrtype ! --dst-type LOCAL --limit-iface-in -j ACCEPT',
    '-A X -m addrtype ! --dst-type LOCAL --limit-iface-in -j ACCEPT',
  ),
  f('REJECT prints its default type', '-A X -j REJECT', '-A X -j REJECT --reject-with icmp-port-unreachable'),
  f('REJECT alias', '-A X -p tcp -j REJECT --reject-with tcp-rst', '-A X -p tcp -j REJECT --reject-with tcp-reset'),
  f('goto', '-A X --goto Y', '-A X -g Y'),
  f(
    'LOG prefix quoting and numeric level',
    '-A X -j LOG --log-level debug --log-prefix "hello there "',
    '-A X -j LOG --log-prefix "hello there " --log-level 7',
  ),
  f('CONNMARK --set-mark', '-A X -j CONNMARK --set-mark 1', '-A X -j CONNMARK --set-xmark 0x1/0xffffffff'),
  f(
    'a rule without target',
    '-A X -m comment --comment "other traffic will be dropped"',
    '-A X -m comment --comment "other traffic will be dropped"',
  ),
  n('--or-mark is --set-xmark v/v', '-A X -j MARK --or-mark 0x4000', '-A X -j MARK --set-xmark 0x4000/0x4000'),
  n('--xor-mark is --set-xmark v/0', '-A X -j MARK --xor-mark 0x4000', '-A X -j MARK --set-xmark 0x4000/0x0'),
  n('--set-mark is --set-xmark v/0xffffffff', '-A X -j MARK --set-mark 0x4000', '-A X -j MARK --set-xmark 0x4000/0xffffffff'),
  n('--set-mark with a mask', '-A X -j MARK --set-mark 0x4000/0xc000', '-A X -j MARK --set-xmark 0x4000/0xc000'),
  n('--and-mark is --set-xmark 0/~v', '-A X -j MARK --and-mark 0x4000', '-A X -j MARK --set-xmark 0x0/0xffffbfff'),
  n('zero-padded hex loses its padding', '-A X -j MARK --set-xmark 0x00004000/0x00004000', '-A X -j MARK --set-xmark 0x4000/0x4000'),
  n(
    'kube-proxy probability 1/3',
    '-A X -m statistic --mode random --probability 0.3333333333 -j Y',
    '-A X -m statistic --mode random --probability 0.33333333349 -j Y',
  ),
  n(
    "the seed's older 0.33333",
    '-A X -m statistic --mode random --probability 0.33333 -j Y',
    '-A X -m statistic --mode random --probability 0.33332999982 -j Y',
  ),
  n(
    'probability 0.1',
    '-A X -m statistic --mode random --probability 0.1 -j Y',
    '-A X -m statistic --mode random --probability 0.10000000009 -j Y',
  ),
  n(
    'probability 0.5',
    '-A X -m statistic --mode random --probability 0.5000000000 -j Y',
    '-A X -m statistic --mode random --probability 0.50000000000 -j Y',
  ),
  n(
    'probability 1',
    '-A X -m statistic --mode random --probability 1 -j Y',
    '-A X -m statistic --mode random --probability 1.00000000000 -j Y',
  ),
  n(
    'negated probability',
    '-A X -m statistic --mode random ! --probability 0.2 -j Y',
    '-A X -m statistic --mode random ! --probability 0.20000000019 -j Y',
  ),
  n(
    'recent options in kernel order with defaults',
    '-A X -m recent --name KUBE-SEP-A --rcheck --seconds 10800 --reap -j Y',
    '-A X -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-A --mask 255.255.255.255 --rsource -j Y',
  ),
  n('recent --set', '-A X -m recent --name x --set', '-A X -m recent --set --name x --mask 255.255.255.255 --rsource'),
  n('DNAT', '-A X -p tcp -m tcp -j DNAT --to-destination 10.244.1.7:9376', '-A X -p tcp -m tcp -j DNAT --to-destination 10.244.1.7:9376'),
  n(
    'DNAT single-port range and flags',
    '-A X -p tcp -j DNAT --persistent --random --to-destination 1.2.3.4:80-80',
    '-A X -p tcp -j DNAT --to-destination 1.2.3.4:80 --random --persistent',
  ),
  n(
    'SNAT flags in kernel order',
    '-A X -p tcp -j SNAT --to-source 1.2.3.4:1000-2000 --persistent --random-fully --random',
    '-A X -p tcp -j SNAT --to-source 1.2.3.4:1000-2000 --random --random-fully --persistent',
  ),
  n(
    'MASQUERADE --random-fully',
    '-A X -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
    '-A X -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
  ),
  n(
    'MASQUERADE ports first',
    '-A X -p tcp -j MASQUERADE --random-fully --random --to-ports 1000',
    '-A X -p tcp -j MASQUERADE --to-ports 1000 --random --random-fully',
  ),
  f6('IPv6: a host address gets /128', '-A X -s fd00::1 -j ACCEPT', '-A X -s fd00::1/128 -j ACCEPT'),
  f6('IPv6: the address is masked to its network', '-A X -s fd00:10:244:1::5/56 -j ACCEPT', '-A X -s fd00:10:244::/56 -j ACCEPT'),
  f6('IPv6: printed in the short form', '-A X -d FD00:0:0:0:0:0:0:1/64 -j ACCEPT', '-A X -d fd00::/64 -j ACCEPT'),
  f6('IPv6: ::/0 is not printed', '-A X -s ::/0 -d ::1 -j ACCEPT', '-A X -d ::1/128 -j ACCEPT'),
  f6(
    'IPv6: a non-prefix mask prints as an address',
    '-A X -d fd00::/ffff:ffff:0:ffff:: -j ACCEPT',
    '-A X -d fd00::/ffff:ffff:0:ffff:: -j ACCEPT',
  ),
  f6(
    'IPv6: the first of two equal zero runs is the one shortened',
    '-A X -d 2001:db8:0:0:1:0:0:1 -s 2001:0:0:1:0:0:0:0/64 -j ACCEPT',
    '-A X -s 2001:0:0:1::/64 -d 2001:db8::1:0:0:1/128 -j ACCEPT',
  ),
  f6('IPv6: an IPv4-mapped address ends in dotted quad', '-A X -d ::ffff:10.1.2.3 -j ACCEPT', '-A X -d ::ffff:10.1.2.3/128 -j ACCEPT'),
  f6('IPv6: an IPv4-compatible address too', '-A X -d ::1.2.3.4 -j ACCEPT', '-A X -d ::1.2.3.4/128 -j ACCEPT'),
  f6(
    "IPv6: kube-proxy's no-endpoints REJECT",
    '-A X -m comment --comment "default/empty has no endpoints" -m udp -p udp -d fd00:10:96::81 --dport 53 -j REJECT',
    '-A X -d fd00:10:96::81/128 -p udp -m comment --comment "default/empty has no endpoints" -m udp --dport 53 -j REJECT --reject-with icmp6-port-unreachable',
  ),
  f6(
    "IPv6: kube-proxy's nodeports jump, ! -d ::1/128 moved first",
    '-A X -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL ! -d ::1/128 -j Y',
    '-A X ! -d ::1/128 -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j Y',
  ),
  f6('IPv6: REJECT short name', '-A X -j REJECT --reject-with port-unreach', '-A X -j REJECT --reject-with icmp6-port-unreachable'),
  f6('IPv6: REJECT no-route', '-A X -j REJECT --reject-with no-route', '-A X -j REJECT --reject-with icmp6-no-route'),
  f6('IPv6: REJECT adm-prohibited', '-A X -j REJECT --reject-with adm-prohibited', '-A X -j REJECT --reject-with icmp6-adm-prohibited'),
  f6('IPv6: REJECT addr-unreach', '-A X -j REJECT --reject-with addr-unreach', '-A X -j REJECT --reject-with icmp6-addr-unreachable'),
  f6('IPv6: REJECT tcp-reset', '-A X -p tcp -j REJECT --reject-with tcp-reset', '-A X -p tcp -j REJECT --reject-with tcp-reset'),
  f6('IPv6: -p ipv6-icmp', '-A X -p ipv6-icmp -j ACCEPT', '-A X -p ipv6-icmp -j ACCEPT'),
  n6(
    "IPv6: kube-proxy's masquerade check, ! -s before -d",
    '-A X -m comment --comment "default/web cluster IP" -m tcp -p tcp -d fd00:10:96::80 --dport 80 ! -s fd00:10:244::/56 -j Y',
    '-A X ! -s fd00:10:244::/56 -d fd00:10:96::80/128 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j Y',
  ),
  n6(
    "IPv6: kube-proxy's endpoint DNAT in brackets",
    '-A X -m comment --comment default/web -m tcp -p tcp -j DNAT --to-destination [fd00:10:244:1::5]:8080',
    '-A X -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination [fd00:10:244:1::5]:8080',
  ),
  n6('IPv6: DNAT without a port has no brackets', '-A X -j DNAT --to-destination fd00::5', '-A X -j DNAT --to-destination fd00::5'),
  n6(
    'IPv6: DNAT port range',
    '-A X -p tcp -j DNAT --to-destination [fd00::5]:80-90',
    '-A X -p tcp -j DNAT --to-destination [fd00::5]:80-90',
  ),
  n6('IPv6: DNAT address range', '-A X -j DNAT --to-destination fd00::5-fd00::9', '-A X -j DNAT --to-destination fd00::5-fd00::9'),
  n6(
    'IPv6: SNAT with ports',
    '-A X -p tcp -j SNAT --to-source [fd00::5]:1000-2000 --random',
    '-A X -p tcp -j SNAT --to-source [fd00::5]:1000-2000 --random',
  ),
  n6(
    'IPv6: recent prints the full 128-bit mask',
    '-A X -m recent --name KUBE-SEP-A --rcheck --seconds 10800 --reap -j Y',
    '-A X -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-A --mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff --rsource -j Y',
  ),
  n6(
    'IPv6: recent with a /64 mask',
    '-A X -m recent --name x --set --mask ffff:ffff:ffff:ffff:: -j Y',
    '-A X -m recent --set --name x --mask ffff:ffff:ffff:ffff:: --rsource -j Y',
  ),
];
