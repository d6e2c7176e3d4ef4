// kube-proxy's nftables mode: what a walk shows beside a hook's step (the player's part, en.ts;
// the command line's messages are in nftables.ts). The nft syntax stays as nft prints it.
export const nftablesWalkEn = {
  'nft.step.vmap': 'kube-proxy looks up {key} in its verdict map @{map}: {verdict}',
  'nft.step.numgen': 'numgen random mod {mod} drew {drawn}: {verdict}',
};

export const nftablesWalkZhCN: Record<keyof typeof nftablesWalkEn, string> = {
  'nft.step.vmap': 'kube-proxy 在判决映射 @{map} 中查找 {key}：{verdict}',
  'nft.step.numgen': 'numgen random mod {mod} 抽到 {drawn}：{verdict}',
};
