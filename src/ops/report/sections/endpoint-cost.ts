import type { EndpointPricing } from "../../pricing";
import { markdownTable, type ReportSection } from "../section";
import { serviceSuffix, type StackSet } from "../terraform-json";

export interface EndpointCostLine {
  readonly service: string;
  readonly type: "Interface" | "Gateway";
  /** ENIs, one per subnet (so per AZ here); 0 for gateways. */
  readonly azs: number;
  readonly monthly: number;
}

export interface EndpointCost {
  readonly lines: readonly EndpointCostLine[];
  readonly interfaceEndpoints: number;
  /** Sum of the hourly charges over a month. */
  readonly hourlyMonthly: number;
  /** `assumedGbPerMonth` × per-GB rate. */
  readonly dataMonthly: number;
  readonly totalMonthly: number;
}

/** Rounds to cents; money is shown and compared in cents. */
const cents = (value: number) => Math.round(value * 100) / 100;

/**
 * Prices every `aws_vpc_endpoint` in the synthesized JSON: an interface endpoint costs
 * `subnets × hourly rate × hours`, a gateway endpoint the gateway rate (zero). The seed's
 * figure is 12 × 3 × $0.01 × 730 = $262.80.
 */
export function endpointCost(stacks: StackSet, pricing: EndpointPricing): EndpointCost {
  const lines = stacks.resources("aws_vpc_endpoint").map(({ block }): EndpointCostLine => {
    const service = serviceSuffix(block.service_name);
    if (block.vpc_endpoint_type === "Gateway") {
      return { service, type: "Gateway", azs: 0, monthly: pricing.gatewayMonthly };
    }
    const azs = ((block.subnet_ids as unknown[] | undefined) ?? []).length;
    const monthly = cents(azs * pricing.interfaceHourlyPerAz * pricing.hoursPerMonth);
    return { service, type: "Interface", azs, monthly };
  });
  const hourlyMonthly = cents(lines.reduce((sum, line) => sum + line.monthly, 0));
  const interfaceEndpoints = lines.filter((line) => line.type === "Interface").length;
  const dataMonthly =
    interfaceEndpoints > 0 ? cents(pricing.assumedGbPerMonth * pricing.interfacePerGb) : 0;
  return {
    lines,
    interfaceEndpoints,
    hourlyMonthly,
    dataMonthly,
    totalMonthly: cents(hourlyMonthly + dataMonthly),
  };
}

const money = (value: number, currency: string) =>
  `${currency === "USD" ? "$" : `${currency} `}${value.toFixed(2)}`;

export const endpointCostSection: ReportSection = {
  id: "endpoint-cost",
  title: "VPC endpoint cost per month",
  render({ stacks, pricing, region }) {
    if (pricing === undefined) {
      return {
        markdown:
          `No endpoint rates for ${region} in src/ops/pricing.ts; add the region's rates ` +
          "to get a figure (the report does not guess prices).",
      };
    }
    const cost = endpointCost(stacks, pricing);
    const $ = (value: number) => money(value, pricing.currency);
    const rate = pricing.interfaceHourlyPerAz;
    const table = markdownTable(
      ["endpoint", "type", "AZs", "calculation", "per month"],
      cost.lines.map((line) => [
        line.service,
        line.type,
        String(line.azs),
        line.type === "Gateway"
          ? "free"
          : `${line.azs} AZ × ${$(rate)}/h × ${pricing.hoursPerMonth} h`,
        $(line.monthly),
      ]),
    );
    const interfaceAzs = [...new Set(cost.lines.filter((l) => l.azs > 0).map((l) => l.azs))];
    const formula =
      interfaceAzs.length === 1
        ? `${cost.interfaceEndpoints} interface endpoints × ${interfaceAzs[0]} AZ × ` +
          `${$(rate)}/h × ${pricing.hoursPerMonth} h = ${$(cost.hourlyMonthly)}`
        : `interface endpoints (mixed AZ counts) = ${$(cost.hourlyMonthly)}`;
    return {
      markdown: [
        `Rates: ${pricing.source}. Edit src/ops/pricing.ts to change them.`,
        "",
        table,
        "",
        `- Hourly charges: ${formula}`,
        `- Data processed: ${pricing.assumedGbPerMonth} GB × ${$(pricing.interfacePerGb)}/GB = ` +
          `${$(cost.dataMonthly)} (an assumption; gateway endpoints process data for free)`,
        `- **Total: ${$(cost.totalMonthly)} per month**`,
      ].join("\n"),
    };
  },
};
