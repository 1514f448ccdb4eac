import type { Setting, SettingTree, ValuesOf } from './Setting';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export interface BuildContext {
  nodeEnv: NodeEnv;
  /** Problems found while combining values (choices that cannot work together), reported with the others. */
  problems: string[];
  /** Whether `setting`'s environment variable was already reported invalid, so its absence is not reported again. */
  reported(setting: Setting): boolean;
}

/** A config-file field no longer read: refused with a message naming what replaced it. */
export interface RetiredField {
  file: string;
  message: string;
}

/** An environment variable that no longer exists: set, it is refused with its message rather than ignored. */
export interface RetiredVariable {
  env: string;
  message: string;
}

/**
 * One section of the configuration: a declarative list of settings, and how their values become the
 * section's part of Config (computed defaults, cross-checks). The environment schema, the file schema,
 * the defaults and the README table are all derived from the lists.
 */
export interface Section<Tree extends SettingTree, Part> {
  /** Heading of the section's part of the README's configuration table. */
  title: string;
  settings: Tree;
  retired?: readonly RetiredField[];
  retiredEnv?: readonly RetiredVariable[];
  build(values: ValuesOf<Tree>, context: BuildContext): Part;
}

/** Checks a section's types where it is declared. */
export function section<Tree extends SettingTree, Part>(spec: Section<Tree, Part>): Section<Tree, Part> {
  return spec;
}
