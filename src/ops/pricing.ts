/**
 * VPC endpoint prices the cost section multiplies, as data: change a rate here (or pass another
 * table to the report) and the figure follows. Interface endpoints bill per endpoint per AZ
 * (one ENI per subnet) per hour, plus per GB processed; gateway endpoints (S3, DynamoDB) are free.
 */
export interface EndpointPricing {
  readonly currency: string;
  /** Hours billed in a month; AWS price pages use 730. */
  readonly hoursPerMonth: number;
  /** Price of one interface endpoint in one AZ for one hour. */
  readonly interfaceHourlyPerAz: number;
  /** Price per GB processed by interface endpoints (first PB tier). */
  readonly interfacePerGb: number;
  /** Price of a gateway endpoint (and its data) per month. */
  readonly gatewayMonthly: number;
  /** GB a month assumed to pass the interface endpoints, for the data line of the estimate. */
  readonly assumedGbPerMonth: number;
  /** Where the rates come from, printed with the figure. */
  readonly source: string;
}

/**
 * Rates by region. Only regions whose rates someone has checked are listed; the report refuses
 * to price a region that is missing rather than guess.
 */
export const ENDPOINT_PRICING: Readonly<Record<string, EndpointPricing>> = {
  "us-west-2": {
    currency: "USD",
    hoursPerMonth: 730,
    interfaceHourlyPerAz: 0.01,
    interfacePerGb: 0.01,
    gatewayMonthly: 0,
    // The seed's example: 100 GB a month through interface endpoints = $1.00.
    assumedGbPerMonth: 100,
    source: "seed topology cost breakdown (AWS PrivateLink pricing, us-west-2)",
  },
};
