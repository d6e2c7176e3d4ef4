// The picture's materials in the command: the drawing's style sheets and the light theme's
// colours from the sources (as text, built into the command), the fonts from node_modules — no
// browser needed for an SVG.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FontPackage, FontSource, FontWeight } from '../export/fonts';
import { rootVariables } from '../export/pictureCss';
import type { PictureEnv } from '../export/stepSvg';
import cameraCss from '../ui/topology/camera.css?raw';
import drawingCss from '../ui/topology/drawing.css?raw';
import stylesCss from '../ui/styles.css?raw';

const require = createRequire(import.meta.url);

const fonts: FontSource = {
  css: async (pkg: FontPackage, weight: FontWeight) => readFileSync(require.resolve(`@fontsource/${pkg}/${weight}.css`), 'utf8'),
  woff2: async (pkg: FontPackage, file: string) => readFileSync(require.resolve(`@fontsource/${pkg}/files/${file}`)).toString('base64'),
};

export function nodePictureEnv(): PictureEnv {
  const variables = rootVariables(stylesCss);
  return {
    sheets: async () => [drawingCss, cameraCss],
    variable: (name) => variables.get(name),
    theme: 'light',
    fonts,
  };
}
