/**
 * How the product's own processes run: the V8 heap limits on each one's command line and the
 * environment they all share. `npm start` (scripts/start.ts) uses these; the Dockerfile and
 * docker-compose.yml carry the same, and test/deploy/compose.test.ts holds the three together.
 * Memory targets: the gateway under 250 MB RSS, each subgraph under 150 MB, flat under load
 * (`npm run bench`, `npm run soak`).
 */

/** The product's processes: the gateway and the four subgraphs. */
export type ProductProcess = 'gateway' | 'brp' | 'zaken' | 'berichten' | 'voorkeuren';

/*
 * The gateway. Heap snapshots after load: it keeps about 70 MB alive (mostly the code of its
 * modules and the supergraph). V8's defaults on a large machine let the young generation grow to
 * 128 MB and the old space far beyond what is alive, so RSS reached 450-650 MB under load without
 * a leak. The young generation is where the gateway's CPU goes: under load a request's objects
 * live about as long as one young generation fills, so a smaller one copies and promotes more of
 * them (`npm run bench -- --quick --connections 50`, our gateway CPU per MijnOverzicht: defaults
 * 1.06 ms, semi-space 32 MB 1.27, 16 MB 1.35, 4 MB 1.52; an old space of 128 MB makes it collect
 * without end). 32 MB against 16 MB is 8 % less gateway CPU in full `npm run bench` runs (1.94
 * against 2.10 ms per MijnOverzicht), but `npm run soak` (ten minutes, the BRP failing every other
 * 30 s) held the gateway at 239, 243 and 251 MB in three runs with 32 MB; with 24 MB it stayed
 * at 241 MB, which leaves the 250 MB target some room.
 */
const GATEWAY = ['--max-old-space-size=160', '--max-semi-space-size=24'] as const;

/*
 * A subgraph that waits on an upstream (BRP, zaaksystemen, MijnOverheid): a call's objects live as
 * long as that upstream takes to answer (80-150 ms with realistic latencies), so with a small
 * young generation many are copied and promoted before they die. Same-run comparisons (`npm run
 * bench -- --quick --mode realistic --rounds 2`, two subgraphs with one setting and two with the
 * other, then swapped, which cancels what the subgraphs differ in), CPU per call of the brp, zaken
 * and berichten subgraphs against a semi-space of 2 MB: 4 MB 14-19 % less, 6 MB 24-36 % less,
 * 8 MB about as much as 6. With the malloc settings below, 6 MB ended runs at 147-153 MB RSS, too
 * close to the 150 MB target or over it; 4 MB at 138-143 MB, against 141-144 MB for 2 MB without
 * them in the same runs.
 */
const WAITING_SUBGRAPH = ['--max-old-space-size=96', '--max-semi-space-size=4'] as const;

/*
 * The voorkeuren subgraph answers from its own database within a millisecond, so its calls'
 * objects die young with any young generation: a semi-space of 6 MB saved it nothing (0.43
 * against 0.44 ms per call) and cost 13 MB RSS.
 */
const LOCAL_SUBGRAPH = ['--max-old-space-size=96', '--max-semi-space-size=2'] as const;

/** Node's command-line flags per product process, before the script. */
export const PRODUCT_NODE_FLAGS: Readonly<Record<ProductProcess, readonly string[]>> = {
  gateway: GATEWAY,
  brp: WAITING_SUBGRAPH,
  zaken: WAITING_SUBGRAPH,
  berichten: WAITING_SUBGRAPH,
  voorkeuren: LOCAL_SUBGRAPH,
};

/** The flags of `name` when it is one of the product's processes, else undefined (a stand-in). */
export function productNodeFlags(name: string): readonly string[] | undefined {
  return Object.hasOwn(PRODUCT_NODE_FLAGS, name) ? PRODUCT_NODE_FLAGS[name as ProductProcess] : undefined;
}

/**
 * The environment of every product process. glibc gives each thread that allocates its own
 * malloc arena (up to eight per core), and V8's collector threads each leave theirs part-used: two
 * arenas keep a subgraph about 10 MB smaller under load, and the gateway about as much. glibc also
 * raises its thresholds for handing freed memory back to the system each time a large block is
 * freed (up to 32 MB kept); fixed thresholds of 128 KB keep a subgraph another 5-9 MB smaller
 * under load, for no CPU that a same-run comparison could tell from noise (+1 %, -0.2 %, +2 %).
 */
export const PRODUCT_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_TRIM_THRESHOLD_: '131072',
  MALLOC_MMAP_THRESHOLD_: '131072',
};
