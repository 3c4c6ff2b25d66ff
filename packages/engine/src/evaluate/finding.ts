import type { Kind } from '../model/resource.js';
import type { Severity } from '../rules/rule.js';

export interface SuppressionState {
  readonly reason: string;
  readonly expires?: string;
  /** Where it was declared: `inline` (template/Terraform comment), `config` (.safeguard.yml), `baseline`. */
  readonly origin: 'inline' | 'config' | 'baseline';
  /** Past its expiry date: the finding counts again and is reported as expired. */
  readonly expired: boolean;
}

/** One rule's verdict against one resource that is not a pass. */
export interface Finding {
  readonly ruleId: string;
  readonly title: string;
  readonly severity: Severity;
  /** `unknown`: compliance could not be proven because a needed fact is unknown before deploy. */
  readonly status: 'fail' | 'unknown';
  readonly message: string;
  readonly resource: {
    /** CloudFormation logical id, or Terraform address. */
    readonly id: string;
    readonly modelId: string;
    readonly type: string;
    readonly kind: Kind;
    readonly path?: string;
    readonly stack?: string;
  };
  readonly location: { readonly file: string; readonly line?: number };
  readonly controls: readonly string[];
  readonly suppressed: boolean;
  readonly suppression?: SuppressionState;
  /** Stable identity for baselines: rule, file-independent resource identity. */
  readonly fingerprint: string;
}
