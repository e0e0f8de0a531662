import { BedrockagentcoreAgentRuntime } from "@cdktf/provider-aws/lib/bedrockagentcore-agent-runtime";
import type { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsEcrImage } from "@cdktf/provider-aws/lib/data-aws-ecr-image";
import { Construct } from "constructs";
import type { Config } from "../config";
import type { RuntimeConfig, RuntimeName } from "../config/schema/app";
import { encryptedLogGroup } from "../shared/log-group";
import type { ServiceRole } from "../shared/service-role";
import type { ImageRepositoryRef } from "../stacks/contracts";

/** The endpoint AgentCore creates with every runtime; its name ends the log-group name. */
export const DEFAULT_ENDPOINT = "DEFAULT";

/**
 * AgentCore runtime names allow letters, digits and `_` only (no hyphens), so the usual
 * `<prefix>-<env>-<name>` becomes `<prefix>_<env>_<name>`.
 */
export function runtimeName(config: Config, name: RuntimeName): string {
  return `${runtimeNamePrefix(config)}${name}`;
}

/** What every runtime name of this environment starts with, e.g. `cs_agent_dev_`. */
export function runtimeNamePrefix(config: Config): string {
  return `${config.namePrefix}_${config.environment}_`.replace(/-/g, "_");
}

/** Where AgentCore writes runtime logs: `<this>/<runtime id>-<endpoint>`. */
export const RUNTIME_LOG_ROOT = "/aws/bedrock-agentcore/runtimes";

/**
 * The log group AgentCore writes a runtime's logs to. The runtime id is the name plus a
 * generated suffix (`<name>-<10 chars>`), so `<name>-*` matches this runtime's group and no
 * other runtime's (names cannot contain `-`).
 */
export const runtimeLogGroupPattern = (config: Config, name: RuntimeName): string =>
  `${RUNTIME_LOG_ROOT}/${runtimeName(config, name)}-*`;

/** PITFALLS P4: an empty map ends in a provider inconsistency, so it is left out entirely. */
export function environmentOrOmit(
  variables: Readonly<Record<string, string>>,
): Record<string, string> | undefined {
  return Object.keys(variables).length === 0 ? undefined : { ...variables };
}

/** PITFALLS P5: both timeouts or neither (config validation guarantees one of the two). */
function lifecycleOf(runtime: RuntimeConfig) {
  const { idleTimeoutSeconds, maxLifetimeSeconds } = runtime;
  if (idleTimeoutSeconds === null || maxLifetimeSeconds === null) return undefined;
  return [{ idleRuntimeSessionTimeout: idleTimeoutSeconds, maxLifetime: maxLifetimeSeconds }];
}

export interface AgentRuntimeProps {
  readonly config: Config;
  /** Which runtime: selects name, image tag and timeouts from config. */
  readonly name: RuntimeName;
  /** `HTTP` for the agent, `MCP` for the MCP server. */
  readonly protocol: "HTTP" | "MCP";
  /** What the runtime does; shown in the console. */
  readonly description: string;
  /** The image's repository, in the registry tier; the configured tag is looked up there. */
  readonly repository: ImageRepositoryRef;
  /** Execution role; the runtime waits for its policy (AgentCore checks the image at create). */
  readonly role: ServiceRole;
  /** The one subnet the runtime's ENIs go into (PITFALLS P3: VPC mode, never PUBLIC). */
  readonly subnetId: string;
  /** The one security group of those ENIs. */
  readonly securityGroupId: string;
  /** Environment variables; an empty map is omitted (PITFALLS P4). Default: none. */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * Inbound JWT authorizer. Default: none, callers sign with IAM (SigV4).
   * Cognito access tokens carry `client_id`, not `aud`, so clients are checked, not audiences.
   */
  readonly authorizer?: {
    readonly discoveryUrl: string;
    readonly allowedClients: readonly string[];
  };
  /** Key, retention and protection of the runtime's log group. */
  readonly logs: {
    readonly kmsKeyArn: string;
    readonly retentionDays: number;
    readonly preventDestroy: boolean;
  };
}

/**
 * An AgentCore runtime running a container image from ECR, in VPC mode, in exactly one subnet
 * with exactly one security group, plus the log group it writes to, created by us with
 * retention and a customer-managed key.
 *
 * The image is looked up by its configured tag with an `aws_ecr_image` data source, and the
 * runtime runs it by digest (`<repository url>@sha256:...`). The lookup is the plan-time guard:
 * its arguments are known at plan time (the repository name comes from the registry tier's
 * state), so Terraform reads it during `plan`, and an image that was never pushed fails the plan
 * with ECR's ImageNotFoundException before any runtime is created. It must never get a
 * `depends_on`: that would defer the read to apply. The digest pins what runs: a tag pointed at
 * other bytes (deleted and pushed again, or a repository made mutable) shows up as a changed
 * `container_uri` in the next plan instead of changing the runtime unseen.
 *
 * The runtime's ENIs outlive it for a while after deletion (PITFALLS P10): a destroy waits on
 * them before the subnet or security group can go.
 */
export class AgentRuntime extends Construct {
  /** The pushed image the runtime runs, read at plan time (the guard described above). */
  readonly image: DataAwsEcrImage;
  readonly runtime: BedrockagentcoreAgentRuntime;
  readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: AgentRuntimeProps) {
    super(scope, id);
    const { config } = props;
    const settings = config.app.agentcore.runtimes[props.name];

    this.image = new DataAwsEcrImage(this, "image", {
      repositoryName: props.repository.name,
      imageTag: settings.imageTag,
    });

    this.runtime = new BedrockagentcoreAgentRuntime(this, "runtime", {
      agentRuntimeName: runtimeName(config, props.name),
      description: props.description,
      roleArn: props.role.arn,
      agentRuntimeArtifact: [
        {
          containerConfiguration: [
            // `<repository url>@sha256:...`, built by the provider from the lookup (AgentCore's
            // ContainerUri pattern ends in `[:@]\S+`: a tag or a digest). Not composed from the
            // registry's URL output: cdktf marks cross-stack outputs sensitive, and the plan
            // would then hide the very URI a reviewer should see change.
            { containerUri: this.image.imageUri },
          ],
        },
      ],
      networkConfiguration: [
        {
          networkMode: "VPC",
          networkModeConfig: [
            { subnets: [props.subnetId], securityGroups: [props.securityGroupId] },
          ],
        },
      ],
      protocolConfiguration: [{ serverProtocol: props.protocol }],
      environmentVariables: environmentOrOmit(props.environment ?? {}),
      lifecycleConfiguration: lifecycleOf(settings),
      authorizerConfiguration: props.authorizer && [
        {
          customJwtAuthorizer: [
            {
              discoveryUrl: props.authorizer.discoveryUrl,
              allowedClients: [...props.authorizer.allowedClients],
            },
          ],
        },
      ],
      dependsOn: [props.role.policy],
    });

    // Created right after the runtime, before its first session can start and write logs.
    this.logGroup = encryptedLogGroup(this, "log-group", {
      name: `${RUNTIME_LOG_ROOT}/${this.runtime.agentRuntimeId}-${DEFAULT_ENDPOINT}`,
      ...props.logs,
    });
  }
}
