import type { ValueType } from './valueTypes';

export interface SettingSpec<T> {
  /** Environment variable, SCREAMING_SNAKE with the unit last (`_MS`, `_SECONDS`, `_BYTES`). */
  env?: string;
  /** Dotted path of the field in the GATEWAY_CONFIG file, e.g. `cache.post.ttlSeconds`. */
  file?: string;
  type: ValueType<T>;
  /** Used when neither source sets the value; absent when the section computes it (see `defaultDoc`). */
  default?: NoInfer<T>;
  /** The README's default column, for a default the section computes (from NODE_ENV, other settings). */
  defaultDoc?: string;
  /**
   * The wider setting this one narrows (a per-upstream timeout narrows the shared one): the value is then
   * this env, the general env, this file field, the general file field, this default, the general default.
   */
  general?: Setting<T>;
  /** For a narrowing setting with no variable of its own: how the README names its file fields, with a placeholder (`cache.<kind>.missTtlSeconds`). */
  docAs?: string;
  /** One line for the README. */
  doc: string;
}

/** One setting: where it is read from, how it is checked, its default and its documentation. `D`: whether it always has a value. */
export class Setting<T = unknown, D extends boolean = boolean> {
  declare readonly alwaysSet: D;
  readonly env: string | undefined;
  readonly file: string | undefined;
  readonly type: ValueType<T>;
  readonly default: T | undefined;
  readonly defaultDoc: string | undefined;
  readonly general: Setting<T> | undefined;
  readonly docAs: string | undefined;
  readonly doc: string;

  constructor(spec: SettingSpec<T>) {
    if (spec.env === undefined && spec.file === undefined) throw new Error(`setting "${spec.doc}" has neither a variable nor a file field`);
    if (spec.general?.general) throw new Error(`${spec.env ?? spec.file}: a general setting cannot itself narrow another`);
    this.env = spec.env;
    this.file = spec.file;
    this.type = spec.type;
    this.default = spec.default;
    this.defaultDoc = spec.defaultDoc;
    this.general = spec.general;
    this.docAs = spec.docAs;
    this.doc = spec.doc;
  }

  /** How messages and the README name it. */
  get name(): string {
    return this.env ?? (this.file as string);
  }
}

export function setting<T>(spec: SettingSpec<T> & { default: NoInfer<T> }): Setting<T, true>;
export function setting<T>(spec: SettingSpec<T> & { general: Setting<T, true> }): Setting<T, true>;
export function setting<T>(spec: SettingSpec<T>): Setting<T, false>;
export function setting<T>(spec: SettingSpec<T>): Setting<T> {
  return new Setting(spec);
}

/** Settings grouped as the section's part of Config is. */
export interface SettingTree {
  readonly [key: string]: Setting<any, boolean> | SettingTree;
}

/** The values of a tree of settings: `T` for settings that always have one, `T | undefined` otherwise. */
export type ValuesOf<Tree> = {
  -readonly [K in keyof Tree]: Tree[K] extends Setting<infer V, infer D> ? ([D] extends [true] ? V : V | undefined) : ValuesOf<Tree[K]>;
};

/** Where values come from; `undefined` when that source does not set the setting. */
export interface Layers {
  env(setting: Setting): unknown;
  file(setting: Setting): unknown;
}

/**
 * The one precedence rule: environment over file over default, and for a setting that narrows a
 * general one, specific env > general env > specific file > general file > default.
 */
export function resolve<T>(setting: Setting<T>, layers: Layers): T | undefined {
  const { general } = setting;
  const candidates = [
    () => layers.env(setting),
    () => (general ? layers.env(general) : undefined),
    () => layers.file(setting),
    () => (general ? layers.file(general) : undefined),
    () => setting.default,
    () => general?.default,
  ];
  for (const candidate of candidates) {
    const value = candidate();
    if (value !== undefined) return value as T;
  }
  return undefined;
}

export function valuesOf<Tree extends SettingTree>(tree: Tree, layers: Layers): ValuesOf<Tree> {
  const values: Record<string, unknown> = {};
  for (const [key, node] of Object.entries(tree)) values[key] = node instanceof Setting ? resolve(node, layers) : valuesOf(node, layers);
  return values as ValuesOf<Tree>;
}

/** Every setting of a tree, in declaration order (the order problems and README rows come in). */
export function settingsIn(tree: SettingTree): Setting[] {
  return Object.values(tree).flatMap((node) => (node instanceof Setting ? [node as Setting] : settingsIn(node)));
}

export function mapKeys<K extends string, V>(keys: readonly K[], make: (key: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((key) => [key, make(key)])) as Record<K, V>;
}

const NOTHING_SET: Layers = { env: () => undefined, file: () => undefined };

/** What a tree of settings amounts to when neither the environment nor the file sets anything. */
export function defaultsOf<Tree extends SettingTree>(tree: Tree): ValuesOf<Tree> {
  return valuesOf(tree, NOTHING_SET);
}
