// Every explanation key the model emits — the walk's steps and outcomes, DNS, ingress-nginx's
// verdicts — and what one carries. Typed like the interface's own keys: a key emitted outside
// this list does not compile, and src/i18n checks with tsc that the catalogues translate each.

export type ExplainKey =
  | `explain.arp.${'gratuitous' | 'metallb' | 'reply' | 'unanswered'}`
  | `explain.bridge.${'noNeighbour' | 'toPod'}`
  | 'explain.client.send'
  | `explain.deliver.${'client' | 'host' | 'hostPod' | 'pod' | 'replyClient' | 'replyPod'}`
  | `explain.dns.answer.${
      | 'clusterIP'
      | 'cname'
      | 'endpoint'
      | 'externalName'
      | 'externalNameNoAddress'
      | 'externalNameUnknown'
      | 'headless'
      | 'nameserver'
      | 'nodata'
      | 'pod'
      | 'ptrEndpoint'
      | 'ptrService'
      | 'srv'}`
  | `explain.dns.corefile.${'noPlugin' | 'refused'}`
  | `explain.dns.direct.${'answer' | 'clusterName' | 'noTld' | 'nxdomain' | 'unknown'}`
  | `explain.dns.final.${
      | 'answered'
      | 'cnameOnly'
      | 'cnameUnknown'
      | 'hosts'
      | 'invalid'
      | 'literal'
      | 'nodata'
      | 'nxdomain'
      | 'otherOwner'
      | 'records'
      | 'refused'
      | 'servfail'
      | 'unknown'}`
  | `explain.dns.forward.${'answer' | 'noTld' | 'nxdomain' | 'unknown'}`
  | `explain.dns.hosts.${'answer' | 'servfail'}`
  | 'explain.dns.nodata.partial'
  | `explain.dns.note.${'aaaa' | 'coredns' | 'corednsPasted' | 'ndotsCost'}`
  | `explain.dns.nxdomain.${
      | 'externalNameAddress'
      | 'externalNameEndpoint'
      | 'headlessEmpty'
      | 'noEndpoint'
      | 'noNamespace'
      | 'noPort'
      | 'noService'
      | 'podName'
      | 'podsDisabled'
      | 'podVerified'
      | 'reverse'
      | 'schema'
      | 'tooLong'}`
  | 'explain.dns.rewrite.name'
  | `explain.dns.query.${'absolute' | 'asIsFirst' | 'asIsLast' | 'asIsOnly' | 'search'}`
  | `explain.dns.resolvConf.${
      'clusterFirst' | 'clusterFirstWithHostNet' | 'default' | 'hostNetwork' | 'nameserverLimit' | 'noNameserver' | 'none' | 'searchLimit'}`
  | `explain.hook.${'ctOriginal' | 'ctReply' | 'dnat' | 'drop' | 'mark' | 'masquerade' | 'pass' | 'reject' | 'snat'}`
  | `explain.gateway.${'backendInvalid' | 'noBackends' | 'noGateway' | 'noHost' | 'noHostOutside' | 'noHostRefused' | 'noListener' | 'noMatch' | 'proxied' | 'redirect' | 'zeroWeights'}`
  | 'explain.gateway.noEndpoints'
  | 'explain.hook.noKubeProxy'
  | 'explain.host.send'
  | `explain.ingress.canary.${
      | 'alone'
      | 'cookieAlways'
      | 'cookieNever'
      | 'headerAlways'
      | 'headerNever'
      | 'headerPattern'
      | 'headerValue'
      | 'noHost'
      | 'noMain'
      | 'patternError'
      | 'removed'
      | 'sameService'
      | 'weight'
      | 'weightMissed'}`
  | `explain.ingress.class.${'annotationOther' | 'missing' | 'otherController' | 'tooManyDefaults' | 'unknown'}`
  | 'explain.ingress.noModel'
  | `explain.ingress.rejected.${'conflict' | 'path'}`
  | `explain.ingress.result.${
      'forceSslRedirect' | 'noHost' | 'noLocation' | 'noPath' | 'proxied' | 'proxiedClusterIP' | 'slashRedirect' | 'sslRedirect'}`
  | `explain.ingress.rule.${
      | 'canarySecond'
      | 'canaryUnused'
      | 'defaultBackendUnused'
      | 'defaultBackendUsed'
      | 'duplicate'
      | 'exactMismatch'
      | 'hostMismatch'
      | 'hostNamed'
      | 'hostShadowed'
      | 'noLocation'
      | 'pathMismatch'
      | 'prefixElement'
      | 'regexEarlier'
      | 'regexMismatch'
      | 'shadowedExact'
      | 'shadowedLonger'
      | 'slashRedirect'
      | 'wildcardOneLabel'
      | 'won'}`
  | `explain.ingress.upstream.${'noClusterIP' | 'noEndpoints' | 'noService' | 'noServicePort'}`
  | `explain.ipvs.${'dnat' | 'noRealServer'}`
  | 'explain.nic.receive'
  | `explain.outcome.${
      | 'badUrl'
      | 'chainLoop'
      | 'dnsUnreachable'
      | 'externalLb'
      | 'leftCluster'
      | 'loop'
      | 'nameFromPodOnly'
      | 'noIngressController'
      | 'noNeighbour'
      | 'noRoute'
      | 'noSuchNode'
      | 'noSuchPod'
      | 'rejected'
      | 'replyLost'
      | 'replyUnNATed'
      | 'ruleDrop'
      | 'unsupportedSource'}`
  | `explain.pod.${'reply' | 'send'}`
  | 'explain.reject.icmp'
  | `explain.route.${'bridge' | 'gateway' | 'ipvsLocal' | 'lan' | 'local' | 'none' | 'overlay'}`
  | `explain.router.${'ecmp' | 'noRoute'}`
  | `explain.externalLb.${'cluster' | 'local' | 'noNode' | 'noLocalNode' | 'proxy'}`
  | `explain.veth.${'toNode' | 'toPod'}`
  | `explain.vxlan.${'decap' | 'encap' | 'noFdb'}`
  | `explain.wire.${'outside' | 'toClient' | 'toNode' | 'vxlan'}`;

/** What a step, an outcome or a verdict says: a message key and its parameters, translated by the view. */
export interface Explanation {
  key: ExplainKey;
  params: Record<string, string | number>;
}
