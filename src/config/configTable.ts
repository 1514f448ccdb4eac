import type { Section } from './Section';
import { type Setting, settingsIn, type SettingTree } from './Setting';
import { gatewaySections } from './sections';

export const TABLE_START = '<!-- config-table:start: generated from src/config/ by `npm run docs:config`; edit the settings there -->';
export const TABLE_END = '<!-- config-table:end -->';

const code = (text: string) => `\`${text}\``;

/** 102400 -> "100 KiB": byte defaults are easier to check that way. */
function sizeNote(setting: Setting, value: unknown): string {
  if (!setting.name.endsWith('BYTES') && !setting.name.endsWith('Bytes')) return '';
  if (typeof value !== 'number' || value < 1024 || value % 1024 !== 0) return '';
  return value % (1024 * 1024) === 0 ? ` (${value / 1024 / 1024} MiB)` : ` (${value / 1024} KiB)`;
}

/** The part of a narrowing setting's file path its placeholder stands for: `cache.post.missTtlSeconds` -> `post`. */
function memberOf(narrowing: Setting): string {
  const template = (narrowing.docAs ?? '').split('.');
  const path = (narrowing.file ?? '').split('.');
  const at = template.findIndex((segment) => segment.startsWith('<'));
  return path[at] ?? narrowing.name;
}

function defaultCell(setting: Setting, folded: readonly Setting[]): string {
  if (setting.defaultDoc !== undefined) return setting.defaultDoc;
  if (setting.default !== undefined) return code(setting.type.show(setting.default as never)) + sizeNote(setting, setting.default);
  if (setting.general) return code(setting.general.name);
  const byValue = new Map<string, string[]>();
  for (const narrowing of folded) {
    if (narrowing.default === undefined) continue;
    const shown = narrowing.type.show(narrowing.default as never);
    byValue.set(shown, [...(byValue.get(shown) ?? []), memberOf(narrowing)]);
  }
  if (byValue.size === 0) return 'unset';
  if (byValue.size === 1) return code([...byValue.keys()][0] as string);
  return [...byValue].map(([value, members]) => `${code(value)} (${members.join(', ')})`).join(', ');
}

function sectionTable(section: Section<SettingTree, unknown>): string {
  const settings = settingsIn(section.settings);
  // A narrowing setting without a variable of its own is shown in the row of the setting it narrows.
  const isFolded = (setting: Setting) => setting.general !== undefined && setting.env === undefined && settings.includes(setting.general);
  const rows = settings
    .filter((setting) => !isFolded(setting))
    .map((setting) => {
      const folded = settings.filter((other) => isFolded(other) && other.general === setting);
      const files = [...new Set([setting.file, ...folded.map((other) => other.docAs ?? other.file)].filter((file): file is string => file !== undefined))];
      const cells = [setting.env ? code(setting.env) : '–', files.length > 0 ? files.map(code).join(', ') : '–', defaultCell(setting, folded), setting.doc];
      return `| ${cells.join(' | ')} |`;
    });
  return [`**${section.title}**`, '', '| variable | config file | default | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The README's configuration tables, one per section, derived from the settings. */
export function configurationTables(sections: readonly Section<SettingTree, unknown>[] = Object.values(gatewaySections())): string {
  return sections.map(sectionTable).join('\n\n');
}

/** `readme` with the text between the table markers replaced by the current tables. */
export function withConfigurationTables(readme: string, tables: string = configurationTables()): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`the README has no configuration table markers (${TABLE_START} … ${TABLE_END})`);
  return `${readme.slice(0, start + TABLE_START.length)}\n\n${tables}\n\n${readme.slice(end)}`;
}
