import { describe, expect, it } from 'vitest';
import { parseParams } from './params';

describe('parseParams', () => {
  it('reads every option', () => {
    expect(
      parseParams('?theme=dark&step=7&autoplay=1&controls=min&editor=1&src=https%3A%2F%2Fx.example%2Fa.yaml&scenario=nodeport'),
    ).toEqual({
      theme: 'dark',
      step: 7,
      autoplay: true,
      controls: 'min',
      editor: true,
      src: 'https://x.example/a.yaml',
      scenario: 'nodeport',
    });
  });

  it('falls back to the defaults on anything malformed', () => {
    const defaults = { theme: null, step: null, autoplay: false, controls: 'full', editor: false, src: null, scenario: null };
    expect(parseParams('')).toEqual(defaults);
    expect(parseParams('?theme=neon&step=0&autoplay=0&controls=tiny&editor=no&src=&scenario=')).toEqual(defaults);
    expect(parseParams('?step=2.5').step).toBeNull();
    expect(parseParams('?step=-3').step).toBeNull();
  });
});
