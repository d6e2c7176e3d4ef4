// Which Ingresses ingress-nginx serves. The API server's DefaultIngressClass admission plugin
// first gives a class-less Ingress the default class (Kubernetes v1.33); then the controller's
// store.GetIngressClass (ingress-nginx v1.15.1) decides: spec.ingressClassName must name an
// IngressClass whose spec.controller is ours; else the legacy annotation must equal --ingress-class;
// else only --watch-ingress-without-class accepts it.

import type { DiagnosticCode } from '../diagnostics';
import type { ControllerOptions, Reason } from './types';
import type { Ingress, IngressClass } from '../manifest/types';

export const LEGACY_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
export const IS_DEFAULT_CLASS = 'ingressclass.kubernetes.io/is-default-class';

export type ClassVerdict =
  | { ours: true; className: string; defaulted?: boolean }
  | { ours: false; reason: Reason; code: DiagnosticCode; at: string; severity: 'error' | 'warning' | 'info' };

export function defaultClasses(classes: IngressClass[]): IngressClass[] {
  return classes.filter((c) => c.metadata.annotations?.[IS_DEFAULT_CLASS] === 'true');
}

export function resolveClass(ing: Ingress, classes: IngressClass[], options: ControllerOptions): ClassVerdict {
  let className = ing.spec.ingressClassName;
  const annotation = ing.metadata.annotations?.[LEGACY_CLASS_ANNOTATION];
  let defaulted = false;
  if (className === undefined && annotation === undefined) {
    const defaults = defaultClasses(classes);
    if (defaults.length > 1) {
      const names = defaults.map((c) => c.metadata.name).join(', ');
      return {
        ours: false,
        code: 'ingress.tooManyDefaultClasses',
        at: 'metadata.name',
        severity: 'error',
        reason: { key: 'explain.ingress.class.tooManyDefaults', params: { count: defaults.length, names } },
      };
    }
    if (defaults.length === 1) {
      className = defaults[0].metadata.name;
      defaulted = true;
    }
  }
  if (className !== undefined) {
    const cls = classes.find((c) => c.metadata.name === className);
    if (!cls)
      return {
        ours: false,
        code: 'ingress.unknownClass',
        at: 'spec.ingressClassName',
        severity: 'warning',
        reason: { key: 'explain.ingress.class.unknown', params: { className } },
      };
    if (cls.spec.controller !== options.controllerClass) {
      const controller = cls.spec.controller ?? '';
      return {
        ours: false,
        code: 'ingress.otherClass',
        at: 'spec.ingressClassName',
        severity: 'info',
        reason: { key: 'explain.ingress.class.otherController', params: { className, controller } },
      };
    }
    return defaulted ? { ours: true, className, defaulted } : { ours: true, className };
  }
  if (annotation !== undefined) {
    if (annotation === options.ingressClass) return { ours: true, className: annotation };
    return {
      ours: false,
      code: 'ingress.otherClassAnnotation',
      at: 'metadata.annotations',
      severity: 'info',
      reason: { key: 'explain.ingress.class.annotationOther', params: { value: annotation, expected: options.ingressClass } },
    };
  }
  if (options.watchIngressWithoutClass) return { ours: true, className: '_' };
  return {
    ours: false,
    code: 'ingress.noClass',
    at: 'metadata.name',
    severity: 'warning',
    reason: { key: 'explain.ingress.class.missing', params: { expected: options.ingressClass } },
  };
}
