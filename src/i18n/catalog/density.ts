// The drawing at any density: the one-line summaries of boxes the walk does not pass through.

export const densityEn = {
  'ui.density.systemPods.one': '1 system pod: {names}',
  'ui.density.systemPods.other': '{count} system pods: {names}',
  'ui.density.hooks': '{count} hooks',
  'ui.density.routes.one': '1 route',
  'ui.density.routes.other': '{count} routes',
  'ui.density.offWalk': 'not on this walk',
  'ui.density.unfold': 'Show it',
  'ui.density.fold': 'Fold it back',
  'ui.density.and': ', ',
};

export const densityZh: Record<keyof typeof densityEn, string> = {
  'ui.density.systemPods.one': '1 个系统 Pod：{names}',
  'ui.density.systemPods.other': '{count} 个系统 Pod：{names}',
  'ui.density.hooks': '{count} 个钩子',
  'ui.density.routes.one': '1 条路由',
  'ui.density.routes.other': '{count} 条路由',
  'ui.density.offWalk': '本次路径不经过',
  'ui.density.unfold': '展开',
  'ui.density.fold': '收起',
  'ui.density.and': '、',
};
