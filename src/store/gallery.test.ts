import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioText } from '../../e2e/fixtures/scenario';
import { deriveModel, parseWalkFlags, walkPacket } from '../model';
import { createAppStore } from './appStore';
import { localized, parseGallery } from './gallery';

const index = JSON.parse(readFileSync(new URL('../../public/scenarios/index.json', import.meta.url), 'utf8'));

describe('parseGallery', () => {
  it('reads every shipped scenario with its title, its About text and two to four tries, in both languages', () => {
    const gallery = parseGallery(index);
    expect(gallery).toHaveLength(index.length);
    for (const e of gallery) {
      expect(e.about?.en && e.about['zh-CN'], e.id).toBeTruthy();
      expect(e.title['zh-CN'], e.id).toBeTruthy();
      expect(e.tries.length, e.id).toBeGreaterThanOrEqual(2);
      expect(e.tries.length, e.id).toBeLessThanOrEqual(4);
      for (const t of e.tries) expect(t.label['zh-CN'], `${e.id}: ${t.label.en}`).toBeTruthy();
    }
  });

  it('skips ill-formed entries and tries, and never throws', () => {
    const good = { id: 'a', file: 'a.yaml', title: { en: 'A' } };
    expect(parseGallery(null)).toEqual([]);
    expect(parseGallery({})).toEqual([]);
    const parsed = parseGallery([
      good,
      { ...good, id: 'b', title: 'B' },
      { ...good, id: 'c', file: '../etc/passwd' },
      {
        ...good,
        id: 'd',
        about: { 'zh-CN': '只有中文' },
        tries: [
          { label: { en: 'fine' }, walk: '--to web:80' },
          { label: { en: 'bad flag' }, walk: '--to web:80 --fast' },
          { label: { en: 'nothing to do' }, walk: '' },
          { label: 'no languages', walk: '--to web:80' },
          null,
        ],
      },
    ]);
    expect(parsed.map((e) => e.id)).toEqual(['a', 'd']);
    expect(parsed[1]!.about).toBeUndefined();
    expect(parsed[1]!.tries.map((t) => t.label.en)).toEqual(['fine']);
  });

  it('falls back to English where a language is missing', () => {
    expect(localized({ en: 'Try this' }, 'zh-CN')).toBe('Try this');
    expect(localized({ en: 'Try this', 'zh-CN': '试一试' }, 'zh-CN')).toBe('试一试');
  });
});

describe('tryWalk', () => {
  const store = () => createAppStore({ deriveModel, walkPacket, reducedMotion: true });

  it('walks a try with its what-ifs, and goes back to the opening walk', () => {
    const s = store();
    s.getState().openScenario('etp-local', scenarioText('etp-local'));
    expect(s.getState().trace?.outcome).toMatchObject({ result: 'dropped', node: 'worker-2' });

    s.getState().tryWalk(parseWalkFlags('--from client --to 192.168.1.11:30800').flags);
    expect(s.getState().trace?.outcome).toMatchObject({ result: 'delivered', node: 'worker-1' });

    s.getState().tryWalk(parseWalkFlags('--from client --to 192.168.1.11:30800 --proxy-mode ipvs').flags);
    expect(s.getState().whatIf).toEqual({ proxyMode: 'ipvs' });
    expect(s.getState().trace?.steps.some((step) => step.ipvs)).toBe(true);

    s.getState().tryWalk(null);
    expect(s.getState().whatIf).toEqual({});
    expect(s.getState().specChosen).toBe(false);
    expect(s.getState().trace?.outcome).toMatchObject({ result: 'dropped', node: 'worker-2' });
  });

  it('keeps the source when a try names only a destination', () => {
    const s = store();
    s.getState().openScenario('hostnames', scenarioText('hostnames'));
    s.getState().tryWalk(parseWalkFlags('--to hostnames:80').flags);
    expect(s.getState().spec).toEqual({
      from: { kind: 'pod', namespace: 'default', name: 'client' },
      to: { kind: 'name', name: 'hostnames', port: 80, proto: 'tcp' },
    });
    expect(s.getState().trace?.outcome.dns?.queries).toBe(1);
  });

  it('opens a text on the what-ifs its packetwalk line declares', () => {
    const s = store();
    s.getState().openScenario('hostnames', `# packetwalk: --proxy-mode ipvs\n${scenarioText('hostnames')}`);
    expect(s.getState().whatIf).toEqual({ proxyMode: 'ipvs' });
    expect(s.getState().spec?.from).toEqual({ kind: 'pod', namespace: 'default', name: 'client' });
  });
});
