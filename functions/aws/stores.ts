// The store adapters of a Lambda runtime: the same factory as the local runtime's, over the runtime's table, once per container.
// Apart from runtime.ts so the crawl worker, which needs only the item store, does not bundle the other adapters and their schemas.
import { dynamoStores, type DynamoStores } from '../../shared/store/dynamo-stores.js';
import type { AwsRuntime } from './runtime.js';

const built = new WeakMap<AwsRuntime, DynamoStores>();

/** The runtime's store adapters (built on first use, then shared by the container). */
export function awsStores(rt: AwsRuntime): DynamoStores {
  return built.get(rt) ?? built.set(rt, dynamoStores(rt.store())).get(rt)!;
}
