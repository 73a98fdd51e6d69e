/**
 * A three-level folder of plans for `gongwen report` (issue #19), made from seed 004 (平阴县's plan,
 * which follows the national template) by changing its place, 文号, date and target: 山东省, three
 * cities (威海, 济宁, 淄博) and ten of their counties, with known differences:
 *
 * - targets below the parent: 淄博市 15.5% (山东省 16%), 文登区 16.8% (威海市 17%);
 * - a target stated twice with two values: 荣成市 (18% and 18.5%);
 * - missing tasks: 济宁市 leaves out （四）基层科普能力提升工程 of the province's plan, 环翠区 leaves out
 *   （四）老年人科学素质提升行动 of 威海's;
 * - late plans: 乳山市 (issued 2022-08-15; 威海 asks for plans by 2022-06-30), 临淄区 (2022-10-10; 淄博
 *   states no deadline, gongwen.json `deadline` is 2022-09-30).
 *
 * `largeFolder` makes a province-sized folder (the bench's 300 plans) the same way.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readSeed } from '../unit/helpers';

export interface PlanSpec {
  file: string;
  /** The place as it stands in the issuer and the title: 山东省, 威海市, 环翠区. */
  place: string;
  /** What 县 becomes in 全县, 我县 and the units' names: 省, 市, 区, 县. */
  scope: string;
  docNumber: string;
  date: [number, number, number];
  target: string;
  /** The city plan a county cites (title, 文号); none for the province and the cities. */
  cites?: { title: string; docNumber: string };
  /** The province's own plan is not cited by itself. */
  citesProvince: boolean;
  /** A sentence added to the notice: the deadline for the plans below. */
  deadline?: string;
  /** A section left out: its heading line and the start of the next one. */
  drop?: { from: string; to: string };
  /** A paragraph added at the end. */
  extra?: string;
}

const SEED = () => readSeed('004');

/** The title as the registry has the province's and 威海's plans (so their citations agree with it). */
export function planTitle(place: string): string {
  return `${place}全民科学素质行动规划纲要实施方案（2021—2025年）`;
}

export function planText(spec: PlanSpec): string {
  let text = SEED();
  // Citations first, as the seed writes them: the province's plan (not in its own text) and the city's.
  const province = '《山东省全民科学素质行动规划纲要实施方案（2021-2025年）》（鲁政发〔2021〕25号）、';
  const city = '《济南市“十四五”全民科学素质行动规划纲要实施方案》（济政发〔2022〕17号）、';
  text = text.replace(province, spec.citesProvince ? province : '');
  text = text.replace(city, spec.cites ? `《${spec.cites.title}》（${spec.cites.docNumber}）、` : '');
  text = text.replace('（平政发〔2021〕3号）', `（${spec.docNumber.replace(/〔.*$/, '')}〔2021〕1号）`);
  // The place, and the level of every unit with it (县委宣传部 → 市委宣传部 in a city's plan).
  text = text.replace(/平阴县/g, spec.place).replace(/县/g, spec.scope);
  // The plan's own title as the registry has the province's and 威海's.
  text = text
    .replace(/(关于印发.{2,6}|现将《.{2,6}|\n.{2,6})“十四五”全民科学素质/g, '$1全民科学素质')
    .replace('行动规划纲要实施方案的通知', '行动规划纲要实施方案（2021—2025年）的通知')
    .replace('行动规划纲要实施方案》印发', '行动规划纲要实施方案（2021—2025年）》印发')
    .replace(/\n规划纲要实施方案\n/, '\n规划纲要实施方案（2021—2025年）\n');
  const [y, m, d] = spec.date;
  text = text.replace('平政字〔2022〕21号', spec.docNumber);
  text = text.replace('2022年11月7日', `${y}年${m}月${d}日`);
  text = text.replace('比例达到18.5％', `比例达到${spec.target}％`);
  if (spec.deadline) text = text.replace('印发给你们，请认真组织实施。', `印发给你们，请认真组织实施。${spec.deadline}`);
  if (spec.drop) {
    const from = text.indexOf(`\n${spec.drop.from}`);
    const to = text.indexOf(`\n${spec.drop.to}`, from + 1);
    if (from < 0 || to < 0) throw new Error(`no section ${spec.drop.from}`);
    text = text.slice(0, from) + text.slice(to);
  }
  if (spec.extra) text = `${text.replace(/\s+$/, '')}\n${spec.extra}\n`;
  return text;
}

const PROVINCE_NUMBER = '鲁政发〔2021〕25号';

interface City {
  dir: string;
  place: string;
  agency: string;
  docNumber: string;
  date: [number, number, number];
  target: string;
  deadline?: string;
  drop?: PlanSpec['drop'];
  counties: Array<Omit<PlanSpec, 'scope' | 'cites' | 'citesProvince'> & { scope?: string }>;
}

const CITIES: City[] = [
  {
    dir: '威海',
    place: '威海市',
    agency: '威政发',
    docNumber: '威政发〔2022〕3号',
    date: [2022, 3, 10],
    target: '17',
    deadline: '各区市于2022年6月30日前制定实施方案。',
    counties: [
      { file: '威海/环翠区.txt', place: '环翠区', docNumber: '环政发〔2022〕5号', date: [2022, 5, 20], target: '17', drop: { from: '（四）老年人科学素质提升行动。', to: '（五）领导干部和公务员科学素质提升行动。' } },
      { file: '威海/文登区.txt', place: '文登区', docNumber: '文政发〔2022〕7号', date: [2022, 6, 1], target: '16.8' },
      { file: '威海/荣成市.txt', place: '荣成市', scope: '市', docNumber: '荣政发〔2022〕9号', date: [2022, 6, 20], target: '18', extra: '到2025年，全市公民具备科学素质的比例达到18.5％。' },
      { file: '威海/乳山市.txt', place: '乳山市', scope: '市', docNumber: '乳政发〔2022〕6号', date: [2022, 8, 15], target: '17.5' },
    ],
  },
  {
    dir: '济宁',
    place: '济宁市',
    agency: '济政字',
    docNumber: '济政字〔2022〕8号',
    date: [2022, 3, 25],
    target: '16.5',
    deadline: '各县（市、区）于2022年6月30日前制定实施方案。',
    drop: { from: '（四）基层科普能力提升工程。', to: '四、保障措施' },
    counties: [
      { file: '济宁/任城区.txt', place: '任城区', docNumber: '任政发〔2022〕11号', date: [2022, 5, 9], target: '16.5' },
      { file: '济宁/兖州区.txt', place: '兖州区', docNumber: '济兖政字〔2022〕14号', date: [2022, 6, 18], target: '17' },
      { file: '济宁/曲阜市.txt', place: '曲阜市', scope: '市', docNumber: '曲政发〔2022〕4号', date: [2022, 6, 28], target: '16.5' },
    ],
  },
  {
    dir: '淄博',
    place: '淄博市',
    agency: '淄政发',
    docNumber: '淄政发〔2022〕2号',
    date: [2022, 3, 30],
    target: '15.5',
    counties: [
      { file: '淄博/张店区.txt', place: '张店区', docNumber: '张政发〔2022〕3号', date: [2022, 7, 1], target: '16' },
      { file: '淄博/临淄区.txt', place: '临淄区', docNumber: '临政发〔2022〕6号', date: [2022, 10, 10], target: '16.2' },
      { file: '淄博/淄川区.txt', place: '淄川区', docNumber: '川政发〔2022〕2号', date: [2022, 9, 1], target: '16' },
    ],
  },
];

/** Every plan of the three-level folder. */
export function provinceSpecs(): PlanSpec[] {
  const specs: PlanSpec[] = [
    {
      file: '山东省.txt',
      place: '山东省',
      scope: '省',
      docNumber: PROVINCE_NUMBER,
      date: [2021, 12, 20],
      target: '16',
      citesProvince: false,
      deadline: '各市人民政府于2022年3月31日前制定本市实施方案。',
    },
  ];
  for (const c of CITIES) {
    specs.push({ file: `${c.dir}/${c.place}.txt`, place: c.place, scope: '市', docNumber: c.docNumber, date: c.date, target: c.target, citesProvince: true, deadline: c.deadline, drop: c.drop });
    for (const k of c.counties) {
      specs.push({ scope: k.place.endsWith('县') ? '县' : '区', ...k, citesProvince: true, cites: { title: planTitle(c.place), docNumber: c.docNumber } });
    }
  }
  return specs;
}

export const PROVINCE_DEADLINE_CONFIG = { deadline: '2022-09-30' };

/** Writes the folder (with its gongwen.json) and returns the specs. */
export function writeProvinceFolder(dir: string): PlanSpec[] {
  const specs = provinceSpecs();
  for (const s of specs) {
    fs.mkdirSync(path.dirname(path.join(dir, s.file)), { recursive: true });
    fs.writeFileSync(path.join(dir, s.file), planText(s));
  }
  fs.writeFileSync(path.join(dir, 'gongwen.json'), JSON.stringify(PROVINCE_DEADLINE_CONFIG, null, 2) + '\n');
  return specs;
}

/**
 * A province-sized folder: for each province in code order from 山东 (37) on, its plan, each city's and
 * each county's, until `count` plans; targets vary around the parent's (every seventh a little below).
 * The bench reports it (bench/report.ts).
 */
export function writeLargeFolder(dir: string, count: number, divisions: ReadonlyArray<{ code: string; name: string; level: string; parent?: string }>): number {
  const ordered = [...divisions].filter((d) => d.code >= '370000').sort((a, b) => (a.code < b.code ? -1 : 1));
  const byCode = new Map(ordered.map((d) => [d.code, d]));
  const targetOf = new Map<string, number>();
  let written = 0;
  for (const d of ordered) {
    if (written >= count) break;
    const parent = d.parent ? byCode.get(d.parent) : undefined;
    if (d.level !== 'province' && (!parent || !targetOf.has(parent.code))) continue;
    const base = parent ? targetOf.get(parent.code)! : 16;
    const target = Math.round((base + (written % 7 === 6 ? -0.3 : (written % 5) * 0.2)) * 10) / 10;
    targetOf.set(d.code, target);
    const scope = d.level === 'province' ? '省' : d.name.endsWith('县') ? '县' : d.name.endsWith('区') ? '区' : '市';
    const spec: PlanSpec = {
      file: `${d.code.slice(0, 2)}/${d.code}${d.name}.txt`,
      place: d.name,
      scope,
      docNumber: `${d.name[0]}政发〔2022〕${(written % 40) + 1}号`,
      date: [2022, 1 + (written % 12), 1 + (written % 28)],
      target: String(target),
      citesProvince: d.level !== 'province',
      ...(parent && parent.level === 'city' ? { cites: { title: planTitle(parent.name), docNumber: `${parent.name[0]}政发〔2022〕1号` } } : {}),
      ...(d.level !== 'county' ? { deadline: '各区市于2022年6月30日前制定实施方案。' } : {}),
    };
    fs.mkdirSync(path.dirname(path.join(dir, spec.file)), { recursive: true });
    fs.writeFileSync(path.join(dir, spec.file), planText(spec));
    written++;
  }
  return written;
}
