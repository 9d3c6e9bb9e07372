// cdk-nag acknowledgements in one place: every suppression carries its reason, wildcard findings are named exactly.
import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';

/** Acknowledges an AwsSolutions rule on `scope` and everything below it. */
export function acknowledge(scope: IConstruct, rule: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions-${rule}`, reason });
}

/**
 * Acknowledges AwsSolutions-IAM5 for exactly one wildcard resource (not the whole rule), so any
 * other wildcard added to the same role later is still reported. `resource` is the token or string
 * used in the policy statement; it must resolve within `scope`'s stack.
 */
export function acknowledgeWildcardResource(scope: IConstruct, resource: string, reason: string): void {
  const flat = flattenCfnReference(Stack.of(scope).resolve(resource));
  Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Resource::${flat}]`, reason });
}
