import { HIPAA, PCI } from "../controls";
import {
  first,
  policyDocumentOf,
  resolve,
  resourcesOfType,
  statementsOf,
  type Located,
} from "../terraform";
import type { Rule, RuleFinding, Stacks } from "../types";

/**
 * The endpoint a call from inside the VPC travels through, by IAM service prefix. Every call
 * from a private subnet reaches AWS through one of these or not at all.
 */
const ENDPOINT_BY_SERVICE: Readonly<Record<string, string>> = {
  bedrock: "bedrock-runtime",
  "bedrock-agentcore": "bedrock-agentcore",
  ecr: "ecr.api",
  logs: "logs",
  cloudwatch: "monitoring",
  secretsmanager: "secretsmanager",
  ssm: "ssm",
  "rds-data": "rds-data",
  kms: "kms",
  xray: "xray",
  dynamodb: "dynamodb",
};

/** The endpoint service suffix an action travels through from a private subnet, if any. */
export function endpointFor(action: string): string | undefined {
  if (action === "bedrock-agentcore:InvokeGateway") return "bedrock-agentcore.gateway";
  return ENDPOINT_BY_SERVICE[action.split(":")[0]];
}

/** Roles of the workloads that run in a private subnet: AgentCore runtimes and VPC Lambdas. */
function vpcWorkloadRoles(stacks: Stacks): { workload: Located; role: Located }[] {
  const runtimes = resourcesOfType(stacks, "aws_bedrockagentcore_agent_runtime")
    .filter((runtime) => first(runtime.block, "network_configuration").network_mode === "VPC")
    .map((workload) => ({
      workload,
      role: resolve(stacks, workload.stack, workload.block.role_arn),
    }));
  const functions = resourcesOfType(stacks, "aws_lambda_function")
    .filter((fn) => Object.keys(first(fn.block, "vpc_config")).length > 0)
    .map((workload) => ({ workload, role: resolve(stacks, workload.stack, workload.block.role) }));
  return [...runtimes, ...functions].filter(
    (entry): entry is { workload: Located; role: Located } => entry.role !== undefined,
  );
}

/** Actions granted to a role by its inline policies, except calls a service makes for it. */
function grantedActions(stacks: Stacks, role: Located): Set<string> {
  const actions = new Set<string>();
  for (const policy of resourcesOfType(stacks, "aws_iam_role_policy")) {
    if (resolve(stacks, policy.stack, policy.block.role)?.address !== role.address) continue;
    const document = policyDocumentOf(stacks, policy.stack, policy.block.policy);
    for (const statement of document ? statementsOf(document.block) : []) {
      if (statement.effect === "Deny") continue;
      // kms:ViaService: DynamoDB or Secrets Manager calls KMS on the role's behalf, server-side.
      if (statement.condition?.some((c) => c.variable === "kms:ViaService")) continue;
      for (const action of statement.actions ?? []) actions.add(action);
    }
  }
  return actions;
}

/** Actions each endpoint's policy admits, by service suffix (`bedrock-runtime`, `dynamodb`). */
function admittedByEndpoint(stacks: Stacks): Map<string, Set<string>> {
  const admitted = new Map<string, Set<string>>();
  for (const endpoint of resourcesOfType(stacks, "aws_vpc_endpoint")) {
    const service = /^com\.amazonaws\.[a-z0-9-]+\.(.+)$/.exec(String(endpoint.block.service_name));
    if (!service) continue;
    const document = policyDocumentOf(stacks, endpoint.stack, endpoint.block.policy);
    const actions = admitted.get(service[1]) ?? new Set<string>();
    for (const statement of document ? statementsOf(document.block) : []) {
      if (statement.effect === "Deny") continue;
      for (const action of statement.actions ?? []) actions.add(action);
    }
    admitted.set(service[1], actions);
  }
  return admitted;
}

export const endpointCoverage: Rule = {
  id: "NET-012",
  severity: "error",
  title: "Every call a VPC workload's role is granted passes an endpoint that admits it",
  rationale:
    "Inside a VPC without internet, a granted action is only usable if an endpoint exists for " +
    "its service and that endpoint's policy admits it. Otherwise the call is denied in " +
    "production while every resource looks right on its own, e.g. after an endpoint is dropped " +
    "from network.interfaceEndpoints.",
  fix:
    "Add the service to network.interfaceEndpoints, or add the action to its entry in " +
    "src/network/endpoint-catalogue.ts (DynamoDB: DYNAMODB_ENDPOINT_ACTIONS), or drop the grant.",
  controls: [PCI.outbound, HIPAA.accessControl],
  check: (stacks) => {
    const admitted = admittedByEndpoint(stacks);
    if (admitted.size === 0) return [];
    return vpcWorkloadRoles(stacks).flatMap(({ workload, role }): RuleFinding[] =>
      [...grantedActions(stacks, role)]
        .filter((action) => endpointFor(action) !== undefined)
        .filter((action) => !admitted.get(endpointFor(action)!)?.has(action))
        .sort()
        .map((action) => ({
          address: workload.address,
          message: admitted.has(endpointFor(action)!)
            ? `its role may call ${action}, but the ${endpointFor(action)} endpoint's policy does not admit it`
            : `its role may call ${action}, but there is no ${endpointFor(action)} endpoint`,
        })),
    );
  },
};
