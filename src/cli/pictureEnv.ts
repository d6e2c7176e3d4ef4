// The picture's materials in the command: the drawing's style sheets and the light theme's
// colours read from the sources, the fonts from node_modules — no browser needed for an SVG.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FontPackage, FontSource, FontWeight } from '../export/fonts';
import { rootVariables } from '../export/pictureCss';
import type { PictureEnv } from '../export/stepSvg';

const require = createRequire(import.meta.url);
const source = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

const fonts: FontSource = {
  css: async (pkg: FontPackage, weight: FontWeight) => readFileSync(require.resolve(`@fontsource/${pkg}/${weight}.css`), 'utf8'),
  woff2: async (pkg: FontPackage, file: string) => readFileSync(require.resolve(`@fontsource/${pkg}/files/${file}`)).toString('base64'),
};

export function nodePictureEnv(): PictureEnv {
  const variables = rootVariables(source('ui/styles.css'));
  return {
    sheets: async () => [source('ui/topology/drawing.css'), source('ui/topology/camera.css')],
    variable: (name) => variables.get(name),
    theme: 'light',
    fonts,
  };
}
