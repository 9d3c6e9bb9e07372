// Single-table layout: key attribute names and index names, shared by the store adapter and the CDK stack.

/** Attribute and index names of the single table; the CDK stack creates exactly these. */
export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  indexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
} as const;

export const DEFAULT_TABLE_NAME = 'marquee';
