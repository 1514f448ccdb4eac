import { parse, print } from 'graphql';
import { sha256Hex, type TrustedDocument } from './manifestFormats';
import { typenameFreeKey, typenameFreeKeyOfText, withTypenameAsApolloClient } from './typenameNormalisation';

export { sha256Hex, type TrustedDocument } from './manifestFormats';

/**
 * The operations frontends may run, from one manifest or several (one per frontend app), by id. Production
 * frontends send the id instead of the text; with PERSISTED_OPERATIONS_ONLY=true nothing else runs.
 *
 * Each document is also known by the SHA-256 of its text as Apollo Client sends it (with `__typename` in
 * every selection set): Apollo's persisted-queries link hashes what it sends, and the answer to that id is the
 * `__typename`-augmented document, so Apollo's cache can normalise it. Text is matched regardless of
 * `__typename` selections and layout (see typenameFreeKey).
 */
export class TrustedDocuments {
  private readonly byId = new Map<string, TrustedDocument>();
  private readonly byTypenameFreeKey = new Map<string, TrustedDocument>();
  private readonly operationNames = new Set<string>();

  constructor(documents: readonly TrustedDocument[]) {
    for (const document of documents) {
      const parsed = parse(document.body, { noLocation: true });
      this.add(document);
      const augmented = print(withTypenameAsApolloClient(parsed));
      if (augmented !== document.body) this.add({ id: sha256Hex(augmented), name: document.name, body: augmented });
      this.byTypenameFreeKey.set(typenameFreeKey(parsed), document);
      this.operationNames.add(document.name);
    }
  }

  private add(document: TrustedDocument): void {
    const known = this.byId.get(document.id);
    // Two apps may list the same operation; one id for two different texts would make the id mean either.
    if (known && known.body !== document.body) throw new Error(`Two trusted documents have the id ${document.id}: "${known.name}" and "${document.name}".`);
    this.byId.set(document.id, document);
  }

  /** Documents, not counting the `__typename`-augmented variants. */
  get size(): number {
    return this.byTypenameFreeKey.size;
  }

  byHash(id: string): TrustedDocument | undefined {
    return this.byId.get(id) ?? this.byId.get(id.replace(/^(sha1|sha256):/i, '').toLowerCase());
  }

  /**
   * The trusted document this text runs, if any: the same text, or one differing only by `__typename`
   * selections and layout. The common cases (the exact text, and Apollo Client's) are found by hash,
   * without parsing.
   */
  byText(text: string): TrustedDocument | undefined {
    const exact = this.byId.get(sha256Hex(text));
    if (exact) return exact;
    const key = typenameFreeKeyOfText(text);
    return key === undefined ? undefined : this.byTypenameFreeKey.get(key);
  }

  /** Whether `text` is the document `id` names, up to `__typename` selections and layout. */
  matches(id: string, text: string): boolean {
    const document = this.byHash(id);
    if (!document) return false;
    if (sha256Hex(text) === document.id || text === document.body) return true;
    const key = typenameFreeKeyOfText(text);
    return key !== undefined && key === typenameFreeKeyOfText(document.body);
  }

  names(): string[] {
    return [...this.operationNames];
  }
}
