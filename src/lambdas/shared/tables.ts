/**
 * How the tools find their tables: environment variable names (set by the Lambda construct,
 * read by the handlers) and the key attributes the data tier's tables use. Bundled into the
 * Lambda zips: it must import nothing.
 *
 * The key names are part of the contract with the data tier (src/stacks/contracts.ts carries
 * only names and ARNs); a change here needs the same change to the table definitions there.
 */
export const TABLE_ENV = {
  warranty: "WARRANTY_TABLE",
  "customer-profile": "CUSTOMER_PROFILE_TABLE",
} as const;

/** Partition key of the warranty table. */
export const WARRANTY_KEY = "serial_number";
/** Partition key of the customer-profile table. */
export const CUSTOMER_KEY = "customer_id";
