// kube-proxy's computeProbability: fmt.Sprintf("%0.10f", 1.0/float64(n)).

/** The `--probability` text for the rule that picks 1 of the `remaining` endpoints. */
export function probability(remaining: number): string {
  // toFixed rounds the exact binary value half-up, as Go's %f does; 1/n is never a tie at 10 digits.
  return (1 / remaining).toFixed(10);
}
