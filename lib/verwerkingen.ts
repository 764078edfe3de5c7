/**
 * How the gateway hands the verwerkingenlog to the voorkeuren subgraph: both sides of that
 * internal route read these, so they cannot drift apart (a batch larger than the subgraph takes
 * would be refused, and refused batches are dropped).
 */

/** Where the voorkeuren subgraph takes the log, next to its `/graphql`. */
export const VERWERKINGEN_PATH = '/intern/verwerkingen';

/**
 * Records per delivery at most. Fewer, larger deliveries: each is one transaction, and one flush
 * to disk, in the voorkeuren subgraph.
 */
export const MAX_VERWERKINGEN_PER_LEVERING = 500;
