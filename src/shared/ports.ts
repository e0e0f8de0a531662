/** Named ports. A rule that needs a port names one of these; no bare numbers in the matrix. */
export const PORTS = {
  /** TLS to every AWS API through interface endpoints and to DynamoDB/S3 through gateways. */
  HTTPS: 443,
  /** PostgreSQL wire protocol; declared so Aurora's "no ingress" is a choice, not an omission. */
  POSTGRES: 5432,
} as const;

export type PortName = keyof typeof PORTS;
