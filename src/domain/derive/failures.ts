/**
 * What counts as a failed job, and under which Code it is grouped (the overview's "Failures by Code" and the list's
 * Code filter use this one rule): State `Failed`, or a Code other than `Success`. The key is the Code, or `''` when
 * a failed job gives none.
 */
export function failureKey(job: {
  readonly state?: string | undefined;
  readonly code?: string | undefined;
}): string | undefined {
  const failed = job.state === 'Failed' || (job.code !== undefined && job.code !== 'Success');
  return failed ? (job.code ?? '') : undefined;
}
