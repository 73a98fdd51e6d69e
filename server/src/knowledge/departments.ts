/**
 * Canonical department lists per jurisdiction (issue #4): the bundled lists under
 * `seeds/departments/` (data, schema `schemas/departments.schema.json`) and the table of names
 * replaced in the 2018 institutional reform. A user's own list (io/departments.ts) replaces or
 * extends a bundled one. Pure: the JSON is imported and bundled by esbuild.
 */
import rushan from '../../../seeds/departments/rushan.json';
import yanzhou from '../../../seeds/departments/yanzhou.json';
import weihai from '../../../seeds/departments/weihai.json';
import zibo from '../../../seeds/departments/zibo.json';
import pingyin from '../../../seeds/departments/pingyin.json';
import outdated from '../../../seeds/departments/outdated.json';
import type { DepartmentList, OutdatedTable } from './departments/types';

export type { DepartmentList, DepartmentUnit, OutdatedTable, UnitKind } from './departments/types';

export interface DepartmentKnowledge {
  /** One list per jurisdiction. */
  lists: DepartmentList[];
  /** Names replaced in the 2018 reform, applied at every level prefix. */
  outdated: OutdatedTable;
}

const BUNDLED = [rushan, yanzhou, weihai, zibo, pingyin] as unknown as DepartmentList[];

export function bundledDepartments(): DepartmentKnowledge {
  return { lists: BUNDLED, outdated: outdated as OutdatedTable };
}

/** A user's list replaces the bundled list of its jurisdiction, or extends it (`mode: "extend"`). */
export function withUserList(base: DepartmentKnowledge, user: DepartmentList): DepartmentKnowledge {
  const existing = base.lists.find((l) => l.jurisdiction === user.jurisdiction);
  let merged = user;
  if (existing && user.mode === 'extend') {
    merged = {
      ...existing,
      ...user,
      names: [...new Set([...existing.names, ...(user.names ?? [])])],
      docNumberPrefixes: [...new Set([...existing.docNumberPrefixes, ...(user.docNumberPrefixes ?? [])])],
      // The bundled order stands; the user's units replace those of the same name and new ones follow.
      units: [...existing.units.map((u) => user.units.find((v) => v.name === u.name) ?? u), ...user.units.filter((u) => !existing.units.some((e) => e.name === u.name))],
    };
  }
  return { ...base, lists: [merged, ...base.lists.filter((l) => l !== existing)] };
}
