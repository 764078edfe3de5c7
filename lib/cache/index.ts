export { CacheUnavailableError, type KeyValueCache } from './cache.js';
export { createMemoryCache, type MemoryCacheOptions } from './memory.js';
export { createRedisCache, type RedisCacheOptions, type RedisCommands } from './redis.js';
export {
  createStaleWhileRevalidate,
  type StaleWhileRevalidate,
  type StaleWhileRevalidateOptions,
} from './stale-while-revalidate.js';
export { openRedisConnection, reasonOf, type RedisClient, type RedisConnection } from './redis-connection.js';
export { createExpiringMap, type ExpiringMap, type ExpiringMapOptions } from './expiring-map.js';
