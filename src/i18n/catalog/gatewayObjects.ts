// The Gateway API's objects as the picture and inspector show them (each Gateway's address and
// listeners, each HTTPRoute's per-parent conditions), and the request flags of a packetwalk line.

export const gatewayObjectsEn = {
  'diag.walk.value.method': '"{value}" is not a method for an http(s):// URL: --method takes a word such as GET or POST after --to URL.',
  'diag.walk.value.header':
    '"{value}" is not a header for an http(s):// URL: --header takes \'Name: value\' in quotes after --to URL. The request is sent without it.',
};

export const gatewayObjectsZhCN: Record<keyof typeof gatewayObjectsEn, string> = {
  'diag.walk.value.method': '“{value}”不是 http(s):// 网址可用的方法：--method 接受 GET、POST 这样的单词，需配合 --to 网址。',
  'diag.walk.value.header':
    "“{value}”不是 http(s):// 网址可用的请求头：--header 接受加引号的 'Name: value'，需配合 --to 网址。请求将不带这个头发出。",
};
