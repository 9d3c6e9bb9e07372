// The files the digest chart's renderer reads at run time (no imports: infra reads this list at synth).

/**
 * By the name they get in the Lambda asset's `chart/` folder (copied there by infra's afterBundling hook; synth fails
 * if one is missing) and the package path they come from. DejaVu Sans is the whole font (6,253 glyphs) as WOFF.
 */
export const CHART_ASSET_DIR = 'chart';
export const CHART_ASSETS = {
  'resvg.wasm': '@resvg/resvg-wasm/index_bg.wasm',
  'DejaVuSans.woff': '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff',
  'DejaVuSans-Bold.woff': '@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff',
} as const;
export type ChartAsset = keyof typeof CHART_ASSETS;
