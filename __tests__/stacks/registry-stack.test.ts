import type { ConfigInput } from "../../src/config";
import { statementsOf } from "../support/app";
import { follow, ref, resourcesOf, synthStacks } from "../support/synth";

const REGISTRY_KEY = ref("aws_kms_key", "registry_key_key", "arn");

function registryOf(input: ConfigInput = {}) {
  const stacks = synthStacks(input);
  const registry = stacks[`registry-${input.environment ?? "default"}`];
  if (!registry) throw new Error("no registry stack synthesized");
  return registry;
}

describe("the registry stack", () => {
  const registry = registryOf();
  const repositories = resourcesOf(registry, "aws_ecr_repository");

  it("keeps its state under <keyPrefix>/<env>/registry.tfstate and reads no other tier", () => {
    expect(registry.terraform?.backend).toMatchObject({
      s3: { key: "agentcore/default/registry.tfstate", use_lockfile: true },
    });
    expect(registry.data).not.toHaveProperty("terraform_remote_state");
  });

  it("holds one repository per runtime image, named after the environment", () => {
    expect(Object.keys(repositories).sort()).toEqual(["images_agent", "images_mcp"]);
    expect(repositories.images_agent.name).toBe("cs-agent-default-agent");
    expect(repositories.images_mcp.name).toBe("cs-agent-default-mcp");
  });

  it("encrypts every repository with the registry's own rotating CMK", () => {
    for (const repository of Object.values(repositories)) {
      expect(repository.encryption_configuration).toEqual([
        { encryption_type: "KMS", kms_key: REGISTRY_KEY },
      ]);
    }
    expect(follow(registry, REGISTRY_KEY)).toMatchObject({
      enable_key_rotation: true,
      rotation_period_in_days: 365,
      deletion_window_in_days: 30,
      key_usage: "ENCRYPT_DECRYPT",
      lifecycle: { prevent_destroy: true },
    });
    expect(Object.keys(resourcesOf(registry, "aws_kms_key"))).toEqual(["registry_key_key"]);
    expect(resourcesOf(registry, "aws_kms_alias").registry_key_alias.name).toBe(
      "alias/cs-agent-default-registry",
    );
  });

  it("gives the key the account statement only: ECR works through the caller's grants", () => {
    const key = follow(registry, REGISTRY_KEY);
    const statements = statementsOf(registry, key.policy);
    expect(statements.map((statement) => statement.sid)).toEqual(["AccountPrincipalsThroughIam"]);
    expect(statements[0].principals).toEqual([
      {
        type: "AWS",
        identifiers: [
          "arn:${data.aws_partition.account_partition.partition}:iam::" +
            "${data.aws_caller_identity.account_caller.account_id}:root",
        ],
      },
    ]);
    // ECR creates its grants at repository creation and retires them at deletion with the
    // caller's permissions (aws/containers-roadmap #1152), which the account statement delegates.
    expect(statements[0].actions).toEqual(
      expect.arrayContaining(["kms:CreateGrant", "kms:DescribeKey", "kms:RetireGrant"]),
    );
  });

  it("makes tags immutable, scans on push and never force-deletes images", () => {
    for (const repository of Object.values(repositories)) {
      expect(repository).toMatchObject({
        image_tag_mutability: "IMMUTABLE",
        image_scanning_configuration: { scan_on_push: true },
        force_delete: false,
      });
    }
  });

  it("expires untagged images first, then all but the newest, as configured", () => {
    const configured = registryOf({ app: { agentcore: { keepImages: 5, untaggedImageDays: 3 } } });
    const policies = resourcesOf(configured, "aws_ecr_lifecycle_policy");
    expect(Object.keys(policies).sort()).toEqual([
      "images_agent_lifecycle",
      "images_mcp_lifecycle",
    ]);
    expect(policies.images_agent_lifecycle.repository).toBe(
      ref("aws_ecr_repository", "images_agent", "name"),
    );
    const { rules } = JSON.parse(String(policies.images_mcp_lifecycle.policy));
    expect(rules).toEqual([
      expect.objectContaining({
        rulePriority: 1,
        selection: {
          tagStatus: "untagged",
          countType: "sinceImagePushed",
          countUnit: "days",
          countNumber: 3,
        },
        action: { type: "expire" },
      }),
      expect.objectContaining({
        rulePriority: 2,
        selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 5 },
        action: { type: "expire" },
      }),
    ]);
  });

  it("refuses to destroy repositories and key unless protectStatefulResources is off", () => {
    for (const repository of Object.values(repositories)) {
      expect(repository.lifecycle).toEqual({ prevent_destroy: true });
    }
    const unprotected = registryOf({ protectStatefulResources: false });
    for (const type of ["aws_ecr_repository", "aws_kms_key"]) {
      for (const resource of Object.values(resourcesOf(unprotected, type))) {
        expect(resource.lifecycle).toEqual({ prevent_destroy: false });
      }
    }
  });

  it("publishes the repository URLs to push to, by runtime", () => {
    expect(registry.output?.repository_urls.value).toEqual({
      agent: ref("aws_ecr_repository", "images_agent", "repository_url"),
      mcp: ref("aws_ecr_repository", "images_mcp", "repository_url"),
    });
  });
});
