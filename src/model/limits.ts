// How much the model computes at most. A few bytes of YAML can ask for two billion pods or a
// packet that circles forever; past these caps the model keeps what it has, leaves the rest
// out and says so where the text asked for it, so a derive and a walk end in about a second.
// Each cap is a row of README's "## Limits".

export const MODEL_LIMITS = {
  /** Pods made for one Deployment, ReplicaSet or StatefulSet (its `spec.replicas` is kept as written). */
  podsPerWorkload: 1_000,
  /**
   * Pods from the learner's objects in the whole cluster, written or made by controllers; the
   * cluster's own (CoreDNS, kube-proxy, flannel) always come. The largest cluster bench/scale.ts
   * measures (10,000 Services × 5 pods) fits; it takes ~5 s to derive and walk in Chromium.
   */
  podsInModel: 50_000,
  /** Nodes: the largest cluster Kubernetes supports ("Considerations for large clusters"). */
  nodes: 5_000,
  /** Objects in one file once `kind: List` items are unpacked, as many as the YAML reader's documents. */
  objectsPerFile: 100_000,
  /**
   * Steps of one packet from its sender to where it ends (a request or a reply takes 5–30; a walk
   * sends a few, or one per DNS query): a packet sent round in circles stops here.
   */
  walkSteps: 200,
  /** Chains one netfilter table may nest (kube-proxy nests 4 or 5). */
  chainDepth: 64,
  /** Rules one table reads at one hook (a node with 10,000 Services has ~170,000 rules, most never read). */
  rulesPerHook: 200_000,
} as const;
