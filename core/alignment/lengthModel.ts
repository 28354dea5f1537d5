import type { AlignmentParameters } from './alignmentParameters';
import type { PackedSide } from './packedSide';

// The length model: the log ratio of Japanese to English characters, smoothed, around the document's own mean.

/** Characters added to both sides' lengths before their ratio is taken, so short segments do not swing it. */
export const LENGTH_SMOOTHING = 10;

/** Document-level length ratio, shrunk toward the prior: absorbs a translator's or a domain's verbosity. */
export function documentLengthRatio(
  source: PackedSide,
  target: PackedSide,
  parameters: AlignmentParameters,
): number {
  const sourceTotal = source.length(0, source.count);
  const targetTotal = target.length(0, target.count);
  const documentRatio = Math.log(
    (targetTotal + LENGTH_SMOOTHING) / (sourceTotal + LENGTH_SMOOTHING),
  );
  const weight = Math.min(1, (source.count + target.count) / 60);
  return weight * documentRatio + (1 - weight) * parameters.lengthLogRatioMean;
}
