import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import type { Config } from "../config";
import { ImageRepositories } from "../agentcore/repositories";
import { CustomerManagedKey } from "../shared/kms-key";
import { resourceName } from "../shared/naming";
import type { RegistryRefs } from "./contracts";
import { TierStack } from "./tier-stack";

/**
 * The registry tier: the ECR repositories of the agent and MCP images and the key encrypting
 * them. It exists apart from the app tier because AgentCore validates a runtime's image when the
 * runtime is created: with repositories and runtimes in one stack, the first apply could never
 * succeed (the repositories would be new and empty). So the order is registry, push the images,
 * then app. It reads no other tier and can be applied as soon as the state bucket exists.
 *
 * The key policy is the account statement alone. ECR calls KMS with the credentials of whoever
 * creates the repository (CreateGrant, DescribeKey) and afterwards through the grants it took,
 * for pushes and pulls alike; it never acts as a service principal of its own, so no service
 * statement is needed, and the runtime roles need no KMS permission to pull.
 */
export class RegistryStack extends TierStack {
  /** What the app tier consumes (see contracts.ts). */
  readonly refs: RegistryRefs;
  readonly key: CustomerManagedKey;
  readonly repositories: ImageRepositories;

  constructor(scope: Construct, config: Config) {
    super(scope, "registry", config);
    const preventDestroy = config.protectStatefulResources;

    this.key = new CustomerManagedKey(this, "registry-key", {
      description: `Encrypts the agent and MCP images of ${resourceName(config)} in ECR`,
      alias: resourceName(config, "registry"),
      account: this.account,
      preventDestroy,
    });

    // Construct id "images" as in the app tier before the move, so the addresses read the same
    // (`aws_ecr_repository.images_agent`).
    this.repositories = new ImageRepositories(this, "images", {
      config,
      kmsKeyArn: this.key.arn,
      preventDestroy,
    });
    this.refs = { repositories: this.repositories.refs() };

    new TerraformOutput(this, "repository-urls", {
      description: "Repository URL by runtime: push `<url>:<imageTag>` here before applying app",
      value: Object.fromEntries(
        Object.entries(this.repositories.repositories).map(([name, repository]) => [
          name,
          repository.repositoryUrl,
        ]),
      ),
    });
    new TerraformOutput(this, "registry-key-arn", {
      description: "KMS key encrypting the images; ECR uses it through its own grants",
      value: this.key.arn,
    });
  }
}
