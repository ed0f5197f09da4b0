/** Which state of which segment went non-finite. */
export interface FiniteIssue {
  /** Segment index, head = 0; −1 when the step's linear solve itself failed. */
  segment: number;
  quantity: 'position' | 'velocity';
  axis: 'x' | 'y';
  value: number;
}

/**
 * Thrown by WormBody.step when a segment's position or velocity is NaN or
 * infinite: the simulation stops at the first bad step instead of drawing
 * garbage from then on.
 */
export class BodyInstabilityError extends Error {
  readonly timeMs: number;
  readonly issue: FiniteIssue;

  constructor(timeMs: number, issue: FiniteIssue) {
    const what =
      issue.segment < 0
        ? 'the implicit step could not be solved (matrix not positive definite)'
        : `segment ${issue.segment} ${issue.quantity}.${issue.axis} = ${issue.value}`;
    super(
      `WormBody became unstable at t = ${timeMs.toFixed(1)} ms: ${what}. ` +
        'Hint: reduce muscle strength (muscleForceUN), poke force or the step (dtMs ≤ 10 ms), ' +
        'and check that no NaN reached setActivations or applyForceAt.',
    );
    this.name = 'BodyInstabilityError';
    this.timeMs = timeMs;
    this.issue = issue;
  }
}
