import type { Setting } from './Setting';

export interface EnvironmentValues {
  values: Map<Setting, unknown>;
  /** Settings whose variable was set to something invalid (already reported). */
  invalid: Set<Setting>;
}

/**
 * Reads every setting that has a variable, one by one, so a bad value does not hide the problems of the
 * others (or of the file). Variables that no setting names are ignored.
 */
export function readEnvironment(settings: readonly Setting[], env: Record<string, string | undefined>, problems: string[]): EnvironmentValues {
  const values = new Map<Setting, unknown>();
  const invalid = new Set<Setting>();
  const seen = new Set<string>();
  for (const setting of settings) {
    const name = setting.env;
    if (name === undefined) continue;
    if (seen.has(name)) throw new Error(`two settings read ${name}`);
    seen.add(name);
    const raw = env[name];
    // Empty variables count as unset: `PORT=` in a .env file means "default", not "zero".
    if (raw === undefined || raw === '') continue;
    const result = setting.type.fromEnv(name).safeParse(raw);
    if (result.success) {
      values.set(setting, result.data);
    } else {
      invalid.add(setting);
      problems.push(...result.error.issues.map((issue) => `${name}: ${issue.message}`));
    }
  }
  return { values, invalid };
}
