// The embed player (embed.html): its link to the full app, the read-only manifests, and what it
// says when the page that embeds it asked for something it cannot show.

export const embedEn = {
  'embed.label': 'PacketWalk player',
  'embed.open': 'Open in PacketWalk',
  'embed.openHint': 'Opens this walk at this step in the full PacketWalk, in a new tab',
  'embed.loading': 'Loading the walk…',
  'embed.manifests': 'The manifests (read-only)',
  'embed.problem.heading': 'This player cannot show what it was asked to',
  'embed.problem.scenario': 'There is no scenario called “{id}”. The scenarios are: {ids}.',
  'embed.problem.scenarioAlone': 'There is no scenario called “{id}”.',
  'embed.problem.srcAddress': '“{url}” is not a web address (http or https) of a manifest.',
  'embed.problem.srcStatus': 'The manifest at {url} could not be loaded: the server answered {status}.',
  'embed.problem.srcNetwork':
    'The manifest at {url} could not be loaded: the server did not answer, or it does not let other sites read the file (CORS).',
  'embed.problem.srcTimeout': 'The manifest at {url} did not arrive within {seconds} seconds.',
  'embed.problem.srcHtml':
    '{url} is a web page, not a manifest. Link to the raw file instead (on GitHub, the address the “Raw” button opens).',
  'embed.problem.srcTooLarge': 'The manifest at {url} is larger than {size}, the most this player reads.',
};

export const embedZhCN: Record<keyof typeof embedEn, string> = {
  'embed.label': 'PacketWalk 播放器',
  'embed.open': '在 PacketWalk 中打开',
  'embed.openHint': '在新标签页的完整 PacketWalk 中打开这条路径，停在同一步',
  'embed.loading': '正在加载……',
  'embed.manifests': '清单（只读）',
  'embed.problem.heading': '播放器无法显示所要求的内容',
  'embed.problem.scenario': '没有名为“{id}”的场景。现有的场景是：{ids}。',
  'embed.problem.scenarioAlone': '没有名为“{id}”的场景。',
  'embed.problem.srcAddress': '“{url}”不是清单的网址（http 或 https）。',
  'embed.problem.srcStatus': '无法加载 {url} 上的清单：服务器返回了 {status}。',
  'embed.problem.srcNetwork': '无法加载 {url} 上的清单：服务器没有应答，或者不允许其他网站读取该文件（CORS）。',
  'embed.problem.srcTimeout': '{url} 上的清单在 {seconds} 秒内没有加载完。',
  'embed.problem.srcHtml': '{url} 是一个网页，不是清单。请改为链接原始文件（在 GitHub 上，即“Raw”按钮打开的地址）。',
  'embed.problem.srcTooLarge': '{url} 上的清单超过 {size}，这是播放器能读取的上限。',
};
