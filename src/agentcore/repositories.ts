import { EcrLifecyclePolicy } from "@cdktf/provider-aws/lib/ecr-lifecycle-policy";
import { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";
import { Construct } from "constructs";
import type { Config } from "../config";
import { RUNTIMES, type RuntimeName } from "../config/schema/app";
import { resourceName } from "../shared/naming";
import { mapRecord, recordOf } from "../shared/record";
import type { ImageRepositoryRef } from "../stacks/contracts";

/** ECR's lifecycle-policy document, typed, so the JSON is built from data and never by hand. */
interface LifecycleRule {
  readonly rulePriority: number;
  readonly description: string;
  readonly selection: {
    readonly tagStatus: "untagged" | "any";
    readonly countType: "sinceImagePushed" | "imageCountMoreThan";
    readonly countUnit?: "days";
    readonly countNumber: number;
  };
  readonly action: { readonly type: "expire" };
}

/** Expire untagged images after some days, then keep only the newest images. */
export function lifecyclePolicy(
  keepImages: number,
  untaggedDays: number,
): { rules: LifecycleRule[] } {
  return {
    rules: [
      {
        rulePriority: 1,
        description: `Expire untagged images after ${untaggedDays} days`,
        selection: {
          tagStatus: "untagged",
          countType: "sinceImagePushed",
          countUnit: "days",
          countNumber: untaggedDays,
        },
        action: { type: "expire" },
      },
      {
        rulePriority: 2,
        description: `Keep the newest ${keepImages} images`,
        selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: keepImages },
        action: { type: "expire" },
      },
    ],
  };
}

export interface ImageRepositoriesProps {
  readonly config: Config;
  /** Customer-managed key encrypting the images. */
  readonly kmsKeyArn: string;
  /** Refuse `terraform destroy` (a destroyed repository takes its images with it). */
  readonly preventDestroy: boolean;
}

/**
 * One ECR repository per runtime image: immutable tags (a pushed tag cannot be overwritten),
 * scan on push, KMS with the given customer-managed key, and a lifecycle policy.
 *
 * Built by the registry tier, which is applied before the app tier: AgentCore checks a runtime's
 * image when the runtime is created, so the image has to be pushed between the two applies.
 */
export class ImageRepositories extends Construct {
  readonly repositories: Readonly<Record<RuntimeName, EcrRepository>>;

  constructor(scope: Construct, id: string, props: ImageRepositoriesProps) {
    super(scope, id);
    const { config } = props;
    const { keepImages, untaggedImageDays } = config.app.agentcore;
    this.repositories = recordOf(RUNTIMES, (name) => {
      const repository = new EcrRepository(this, name, {
        name: resourceName(config, name),
        imageTagMutability: "IMMUTABLE",
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfiguration: [{ encryptionType: "KMS", kmsKey: props.kmsKeyArn }],
        forceDelete: false,
        lifecycle: { preventDestroy: props.preventDestroy },
      });
      new EcrLifecyclePolicy(this, `${name}-lifecycle`, {
        repository: repository.name,
        // A typed object with no Terraform tokens in it, so plain JSON is exact.
        policy: JSON.stringify(lifecyclePolicy(keepImages, untaggedImageDays)),
      });
      return repository;
    });
  }

  /** Name and ARN of each repository, by runtime: what the app tier is handed. */
  refs(): Record<RuntimeName, ImageRepositoryRef> {
    return mapRecord(this.repositories, ({ name, arn }) => ({ name, arn }));
  }
}
