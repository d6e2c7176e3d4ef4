// The objects as `ingress2gateway print` writes them: Kubernetes' YAML printer (JSON turned into
// YAML, so every map's keys in alphabetical order, lists not indented under their key, a string
// quoted only where YAML would read it as something else), `---` between objects.

type Value = string | number | boolean | null | undefined | Value[] | { [key: string]: Value };

/** Plain unless YAML would read it as another type or a structure; "" and look-alikes double-quoted as go-yaml does. */
function scalar(s: string): string {
  if (
    s === '' ||
    /^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|no|on|off|y|n|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-fA-F]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$/i.test(
      s,
    )
  ) {
    return JSON.stringify(s);
  }
  const plain = !/^[-?:,[\]{}#&*!|>'"%@`\s]/.test(s) && !/[\s]$/.test(s) && !/: |\s#|[\n\t]/.test(s) && !s.endsWith(':');
  return plain ? s : `'${s.replace(/'/g, "''")}'`;
}

function lines(v: Value, indent: string): string[] {
  if (Array.isArray(v)) {
    return v.flatMap((item) => {
      const inner = lines(item, indent + '  ');
      if (typeof item !== 'object' || item === null) return [`${indent}- ${inner[0]!.trimStart()}`];
      if (inner.length === 0) return [`${indent}- ${Array.isArray(item) ? '[]' : '{}'}`];
      return [`${indent}- ${inner[0]!.trimStart()}`, ...inner.slice(1)];
    });
  }
  if (v !== null && typeof v === 'object') {
    return Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort()
      .flatMap((k) => {
        const child = v[k]!;
        const key = `${indent}${scalar(k)}:`;
        if (Array.isArray(child)) return child.length ? [key, ...lines(child, indent)] : [`${key} []`];
        if (child !== null && typeof child === 'object') {
          const inner = lines(child, indent + '  ');
          return inner.length ? [key, ...inner] : [`${key} {}`];
        }
        return [`${key} ${lines(child, indent)[0]!.trimStart()}`];
      });
  }
  if (v === null) return [`${indent}null`];
  return [indent + (typeof v === 'string' ? scalar(v) : String(v))];
}

export function printYaml(objects: readonly object[]): string {
  return objects.map((o) => lines(o as Value, '').join('\n') + '\n').join('---\n');
}
