import type { Adapter, AdapterPayload } from 'oidc-provider';

const SWEEP_EVERY_WRITES = 200;

interface Entry {
  readonly payload: AdapterPayload;
  /** Epoch milliseconds; Infinity when the model has no expiry. */
  readonly expiresAt: number;
}

/**
 * In-memory storage for one provider's models (sessions, interactions, grants, codes).
 *
 * oidc-provider ships a similar adapter, but warns on every start that it is "development
 * only"; that is exactly what this IdP is, so it brings its own and keeps start-up output
 * clean. State is lost on restart by design: codes live a minute, sessions a quarter hour.
 * One store per provider instance, so tests running several providers never share state.
 */
export class MemoryStore {
  readonly #entries = new Map<string, Entry>();
  /** Secondary indexes oidc-provider looks models up by. */
  readonly #byUid = new Map<string, string>();
  readonly #byGrant = new Map<string, Set<string>>();
  #writes = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** The adapter factory for oidc-provider's `adapter` option: one adapter per model name. */
  readonly adapterFor = (model: string): Adapter => {
    const key = (id: string): string => `${model}:${id}`;
    return {
      upsert: async (id, payload, expiresIn) => {
        if (++this.#writes % SWEEP_EVERY_WRITES === 0) this.#sweep();
        const expiresAt = typeof expiresIn === 'number' ? this.now() + expiresIn * 1000 : Infinity;
        this.#entries.set(key(id), { payload, expiresAt });
        if (typeof payload.uid === 'string' && model === 'Session') this.#byUid.set(payload.uid, id);
        if (typeof payload.grantId === 'string') {
          const members = this.#byGrant.get(payload.grantId) ?? new Set<string>();
          members.add(key(id));
          this.#byGrant.set(payload.grantId, members);
        }
      },
      find: async (id) => this.#read(key(id)),
      findByUid: async (uid) => {
        const id = this.#byUid.get(uid);
        return id === undefined ? undefined : this.#read(key(id));
      },
      // Only the device flow looks models up by user code, and it is not enabled.
      findByUserCode: async () => undefined,
      consume: async (id) => {
        const entry = this.#entries.get(key(id));
        // oidc-provider reads `consumed` (epoch seconds) to refuse a second use of a code.
        if (entry) entry.payload.consumed = Math.floor(this.now() / 1000);
      },
      destroy: async (id) => {
        this.#entries.delete(key(id));
      },
      revokeByGrantId: async (grantId) => {
        for (const member of this.#byGrant.get(grantId) ?? []) this.#entries.delete(member);
        this.#byGrant.delete(grantId);
      },
    };
  };

  /** Forgets everything. */
  clear(): void {
    this.#entries.clear();
    this.#byUid.clear();
    this.#byGrant.clear();
  }

  /** Drops expired entries and index rows that point nowhere, so a long-running IdP stays small. */
  #sweep(): void {
    const now = this.now();
    for (const [storeKey, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(storeKey);
    for (const [uid, id] of this.#byUid) if (!this.#entries.has(`Session:${id}`)) this.#byUid.delete(uid);
    for (const [grantId, members] of this.#byGrant) {
      for (const member of members) if (!this.#entries.has(member)) members.delete(member);
      if (members.size === 0) this.#byGrant.delete(grantId);
    }
  }

  #read(storeKey: string): AdapterPayload | undefined {
    const entry = this.#entries.get(storeKey);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.#entries.delete(storeKey);
      return undefined;
    }
    return entry.payload;
  }
}
