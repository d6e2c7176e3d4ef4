/**
 * Fills `{name}` placeholders; unknown placeholders stay visible so a missing parameter is noticed.
 * `{name|one|other}` picks the English singular or plural by the number `name` ("1 DNS query",
 * "2 DNS queries"); either form may hold placeholders. Chinese has no plural and needs none.
 * A value that ends a sentence with its own period (an absolute DNS name, `example.com.`) takes
 * the place of the template's period, so the sentence does not end in "..".
 */
export function format(template: string, params: Record<string, string | number> = {}): string {
  const has = (name: string) => Object.prototype.hasOwnProperty.call(params, name);
  return template
    .replace(/\{(\w+)\|((?:[^|{}]|\{\w+\})*)\|((?:[^|{}]|\{\w+\})*)\}/g, (whole, name: string, one: string, other: string) =>
      has(name) ? (Number(params[name]) === 1 ? one : other) : whole,
    )
    .replace(/\{(\w+)\}(\.?)/g, (whole, name: string, stop: string) => {
      if (!has(name)) return whole;
      const value = String(params[name]);
      return stop && value.endsWith('.') ? value : value + stop;
    });
}
