// Every diagnostic code the model emits (src/i18n translates `diag.<code>`). Typed like the
// explanation keys: a literal code outside this list does not compile where a diagnostic is made
// (`diagnostic()`, the parser's reports), and src/i18n checks with tsc that the catalogues
// translate each one.

export type DiagnosticCode =
  | 'internal'
  | `corefile.${'badArgument' | 'badKey' | 'clusterDomain' | 'hostsLineIgnored' | 'noKubernetes' | 'notModelled' | 'unknownDirective'}`
  | `corefile.syntax.${'braceAlone' | 'noBrace' | 'strayBrace' | 'unclosed' | 'unterminatedQuote'}`
  | `dns.configForming.${'nameservers' | 'searches'}`
  | `endpoints.${'noService' | 'serviceHasSelector'}`
  | `field.${
      | 'address'
      | 'addressFamily'
      | 'cidr'
      | 'cidrCanonical'
      | 'cidrNonStandard'
      | 'dns1035Label'
      | 'dns1123Label'
      | 'dns1123Subdomain'
      | 'duplicate'
      | 'enum'
      | 'ip'
      | 'ipNonStandard'
      | 'labelKey'
      | 'labelValue'
      | 'portName'
      | 'range'
      | 'required'
      | 'type'
      | 'unknown'
      | 'unquoted'}`
  | `gateway.backend.${'invalidKind' | 'notFound' | 'notPermitted'}`
  | `gateway.class.${'otherController'}`
  | `gateway.gateway.${'noAddress' | 'noClass'}`
  | `gateway.listener.${'certificate' | 'certificateNotPermitted' | 'conflict' | 'protocol'}`
  | `gateway.route.${'invalidRegex' | 'noGateway' | 'notAttached'}`
  | `ingress.${
      | 'admissionConflict'
      | 'admissionPath'
      | 'backendBoth'
      | 'backendRequired'
      | 'badAnnotation'
      | 'classAnnotationMismatch'
      | 'classController'
      | 'hostIsIP'
      | 'legacyVersion'
      | 'legacyVersion.first'
      | 'noClass'
      | 'otherClass'
      | 'otherClassAnnotation'
      | 'pathNotAbsolute'
      | 'pathSequence'
      | 'pathSuffix'
      | 'pathTypeRequired'
      | 'portBoth'
      | 'portRequired'
      | 'rulesOrDefault'
      | 'tooManyDefaultClasses'
      | 'unknownClass'
      | 'wildcardHost'}`
  | `ingress.canary.${'alone' | 'noHost' | 'noMain' | 'notEnabled' | 'removed' | 'sameService'}`
  | `ingress.upstream.${'noClusterIP' | 'noEndpoints' | 'noService' | 'noServicePort'}`
  | `gatewayApi.${
      | 'addressHostname'
      | 'addressUnique'
      | 'backendReplacePrefixMatch'
      | 'certificateRefsRequired'
      | 'filterFieldForbidden'
      | 'filterFieldRequired'
      | 'filterRepeated'
      | 'fractionNumerator'
      | 'hostnameForbidden'
      | 'listenerCombination'
      | 'listenerName'
      | 'mirrorPercentFraction'
      | 'pathAbsolute'
      | 'pathChars'
      | 'pathContains'
      | 'pathEndsWith'
      | 'pathModifierField'
      | 'pathModifierType'
      | 'pattern'
      | 'redirectAndRewrite'
      | 'redirectWithBackends'
      | 'replacePrefixMatch'
      | 'sectionNameRequired'
      | 'sectionNameUnique'
      | 'servicePort'
      | 'tlsForbidden'
      | 'tlsModeHttps'
      | 'tooLong'
      | 'tooMany'
      | 'tooShort'
      | 'totalMatches'}`
  | `secret.${'base64' | 'key'}`
  | 'input.empty'
  | 'internal.object'
  | `kind.${'unknown' | 'version'}`
  | `kubeadm.subnet.${'families' | 'tooSmall' | 'unparsable'}`
  | `kubeadm.${'nodePortRange.invalid' | 'serviceSubnet.tooLarge'}`
  | 'kubeProxy.duplicate'
  | 'kubeProxy.clusterCIDR.invalid'
  | 'kubeProxy.nftables.otherModeFields'
  | 'kubeProxy.nftables.kernel'
  | `metallb.${'allocationFailed' | 'configRejected' | 'legacyConfig' | 'noPools' | 'poolTie' | 'wrongNamespace'}`
  | 'metallb.legacyConfig.first'
  | `metallb.external.${'kept' | 'otherClass' | 'hostname'}`
  | 'metallb.sharing.selectorsDiffer'
  | 'metallb.advertisement.noNodes'
  | 'metallb.bgp.noAnnouncer'
  | 'metallb.bgpAdvertisement.unknownPeer'
  | 'metallb.bgpPeer.noRouter'
  | 'metallb.layer2.noAnnouncer'
  | 'metallb.legacyConfig.unreadable'
  | 'metallb.pool.notAdvertised'
  | 'namespace.implied'
  | `netfilter.${
      | 'badArgument'
      | 'badChainName'
      | 'badPolicy'
      | 'badValue'
      | 'builtinChain'
      | 'cannotInvert'
      | 'chainExists'
      | 'chainInUse'
      | 'chainNotEmpty'
      | 'commitExpected'
      | 'conflictingOptions'
      | 'doubleInvert'
      | 'duplicateOption'
      | 'matchNeedsProtocol'
      | 'missingOption'
      | 'missingValue'
      | 'noTable'
      | 'policyOnUserChain'
      | 'targetNeedsProtocol'
      | 'unknownChain'
      | 'unknownMatch'
      | 'unknownOption'
      | 'unknownTable'
      | 'unsupportedCommand'
      | 'unterminatedQuote'}`
  | `node.podCIDR.${'exhausted' | 'invalid' | 'outsideClusterCIDR'}`
  | `object.${'duplicate' | 'noApiVersion' | 'noKind' | 'notMapping'}`
  | `dump.${'namespaceAdded' | 'nodeAdded' | 'sliceKept'}`
  | `dump.inferred.${'clusterCIDR' | 'nodeSubnet'}`
  | 'pod.adopted'
  | 'pod.nodeName.unknown'
  | 'pod.podCIDR.exhausted'
  | `pod.podIP.${'duplicate' | 'outsideNodeCIDR'}`
  | `ranges.inferred.${'clusterCIDR' | 'nodePortRange' | 'nodeSubnet' | 'serviceCIDR'}`
  | 'ranges.ipv6Only'
  | `limits.${'daemonSetPods' | 'givenPods' | 'nodes' | 'objectsPerFile' | 'podsInModel' | 'podsPerWorkload'}`
  | 'reconcile.internal'
  | `selector.${'empty' | 'mismatch' | 'valuesForbidden'}`
  | `serviceCIDR.${'families' | 'required'}`
  | `service.${'clusterIPsMismatch' | 'endpointsPending' | 'noEndpoints' | 'noSelectorNoEndpoints' | 'nodePortForbidden'}`
  | `service.clusterIP.${'outOfRange' | 'taken'}`
  | 'service.ipFamilyPolicy.singleStackCluster'
  | `service.nodePort.${'duplicate' | 'forbidden' | 'outOfRange' | 'taken'}`
  | 'service.targetPort.unresolved'
  | 'walk.duplicate'
  | `walk.flag.${'missing' | 'stray' | 'unknown'}`
  | `walk.value.${'endpoint' | 'from' | 'header' | 'method' | 'not-ready' | 'protocol' | 'proxy-mode' | 'seed' | 'to'}`
  | `workload.${'selectorEmpty' | 'selectorMismatch' | 'unschedulable'}`
  | `yaml.${
      | 'aliasLimit'
      | 'complexKey'
      | 'depthLimit'
      | 'documentLimit'
      | 'duplicateKey'
      | 'lineBreaksLost'
      | 'missingSeparator'
      | 'recursiveAlias'
      | 'sizeLimit'
      | 'syntax'}`;
