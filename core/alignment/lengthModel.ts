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
  return blendedLengthRatio(
    source.length(0, source.count),
    target.length(0, target.count),
    source.count + target.count,
    parameters,
  );
}

/**
 * The log ratio of two sides' total lengths, blended with the prior mean by how many segments they hold (all of it
 * from 60 segments on).
 * @param sourceCharacters visible characters of the English side
 * @param targetCharacters visible characters of the Japanese side
 * @param segments segments of both sides together
 */
export function blendedLengthRatio(
  sourceCharacters: number,
  targetCharacters: number,
  segments: number,
  parameters: AlignmentParameters,
): number {
  const documentRatio = Math.log(
    (targetCharacters + LENGTH_SMOOTHING) / (sourceCharacters + LENGTH_SMOOTHING),
  );
  const weight = Math.min(1, segments / 60);
  return weight * documentRatio + (1 - weight) * parameters.lengthLogRatioMean;
}
