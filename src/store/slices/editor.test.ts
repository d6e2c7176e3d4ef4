import { describe, expect, it } from 'vitest';
import { deriveModel, walkPacket } from '../../model';
import { createAppStore } from '../appStore';

const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n';
const pod =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n';

const store = () => createAppStore({ deriveModel, walkPacket, reducedMotion: true, storage: null, locale: 'en' });
const fixOf = (s: ReturnType<ReturnType<typeof store>['getState']>) => s.model!.diagnostics.find((d) => d.fix)!.fix!;

describe('applyFix', () => {
  it('writes a fix of the model shown into the text, which is derived again without the problem', () => {
    const app = store();
    app.getState().setText(service + pod);
    app.getState().applyFix(fixOf(app.getState()));
    const s = app.getState();
    expect(s.text).toBe(`${service}---\n${pod}`);
    expect(s.edit?.fix.insert).toBe('---\n');
    expect(s.model!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('leaves the text alone for a fix made for another text or not offered by the model shown', () => {
    const app = store();
    app.getState().setText(service + pod);
    const old = fixOf(app.getState());
    app.getState().setText(`# mine\n${service}${pod}`);
    app.getState().applyFix(old);
    expect(app.getState().text).toBe(`# mine\n${service}${pod}`);
    expect(app.getState().edit).toBeNull();
  });
});
