// Go's `%#v` rendering of the values upstream puts in validation messages: string slices,
// string maps, label selectors and int-or-string values, as the internal API types print them.

import type { LabelSelector } from './core';
import { GoLiteral, goQuote } from './field-errors';

export function goStringSlice(values: readonly string[] | undefined): GoLiteral {
  return new GoLiteral(values === undefined ? '[]string(nil)' : `[]string{${values.map(goQuote).join(', ')}}`);
}

export function goStringMap(map: Readonly<Record<string, string>> | undefined): GoLiteral {
  if (map === undefined) return new GoLiteral('map[string]string(nil)');
  const entries = Object.keys(map)
    .sort()
    .map((key) => `${goQuote(key)}:${goQuote(map[key])}`);
  return new GoLiteral(`map[string]string{${entries.join(', ')}}`);
}

export function goLabelSelector(selector: LabelSelector | undefined): GoLiteral {
  if (!selector) return new GoLiteral('(*v1.LabelSelector)(nil)');
  const labels = goStringMap(selector.matchLabels).text;
  const expressions = selector.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${selector.matchExpressions
        .map((e) => `v1.LabelSelectorRequirement{Key:${goQuote(e.key)}, Operator:${goQuote(e.operator)}, Values:${goStringSlice(e.values).text}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return new GoLiteral(`v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${expressions}}`);
}

export function goIntOrString(value: number | string | undefined): GoLiteral {
  if (typeof value === 'string') return new GoLiteral(`intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(value)}}`);
  return new GoLiteral(`intstr.IntOrString{Type:0, IntVal:${value ?? 0}, StrVal:""}`);
}
