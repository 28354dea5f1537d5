/**
 * How well confidences match reality, for scripts/calibrate-confidence.ts and scripts/bench-align.ts: Brier score, a
 * reliability table (predicted vs actual accuracy per confidence bin), the share of correct beads flagged low (false
 * alarms) and of wrong beads shown as sure (missed).
 */

/** One bead's predicted confidence and whether it was right. */
export interface LabelledConfidence {
  readonly confidence: number;
  readonly correct: boolean;
}

export interface ReliabilityBin {
  readonly low: number;
  readonly high: number;
  readonly count: number;
  /** Mean confidence in the bin (NaN when empty). */
  readonly predicted: number;
  /** Share of correct beads in the bin (NaN when empty). */
  readonly actual: number;
}

export interface CalibrationReport {
  readonly count: number;
  readonly accuracy: number;
  /** Mean squared difference between confidence and the 0/1 outcome (lower is better). */
  readonly brier: number;
  readonly bins: readonly ReliabilityBin[];
  /** Share of correct beads below 0.5. */
  readonly falseAlarms: number;
  /** Share of wrong beads at or above 0.8. */
  readonly missed: number;
}

/** Bead key as score-alignment.mjs compares beads (source and target indices); defined in beadFormat.ts. */
export { beadKey } from './beadFormat';

/** Calibration figures of labelled confidences, with `binCount` equal-width bins over [0, 1]. */
export function calibrationReport(
  items: readonly LabelledConfidence[],
  binCount = 5,
): CalibrationReport {
  const bins = Array.from({ length: binCount }, () => ({ count: 0, predicted: 0, actual: 0 }));
  let brier = 0;
  let correct = 0;
  let correctLow = 0;
  let wrong = 0;
  let wrongHigh = 0;
  for (const { confidence, correct: isCorrect } of items) {
    const outcome = isCorrect ? 1 : 0;
    brier += (confidence - outcome) ** 2;
    const bin = bins[Math.min(binCount - 1, Math.floor(confidence * binCount))]!;
    bin.count++;
    bin.predicted += confidence;
    bin.actual += outcome;
    if (isCorrect) {
      correct++;
      if (confidence < 0.5) correctLow++;
    } else {
      wrong++;
      if (confidence >= 0.8) wrongHigh++;
    }
  }
  const count = items.length;
  return {
    count,
    accuracy: count ? correct / count : NaN,
    brier: count ? brier / count : NaN,
    bins: bins.map((bin, index) => ({
      low: index / binCount,
      high: (index + 1) / binCount,
      count: bin.count,
      predicted: bin.count ? bin.predicted / bin.count : NaN,
      actual: bin.count ? bin.actual / bin.count : NaN,
    })),
    falseAlarms: correct ? correctLow / correct : 0,
    missed: wrong ? wrongHigh / wrong : 0,
  };
}

/** The report as indented text lines. */
export function formatCalibrationReport(report: CalibrationReport, indent = '  '): string {
  const percent = (value: number): string =>
    Number.isNaN(value) ? '   - ' : `${(100 * value).toFixed(1).padStart(5)}%`;
  const lines = [
    `${indent}${report.count} beads, ${percent(report.accuracy).trim()} correct; Brier ${report.brier.toFixed(4)}; ` +
      `false alarms (correct < 0.5) ${percent(report.falseAlarms).trim()}; missed (wrong ≥ 0.8) ${percent(report.missed).trim()}`,
    `${indent}  confidence   predicted  actual   count`,
    ...report.bins.map(
      (bin) =>
        `${indent}  ${bin.low.toFixed(1)}–${bin.high.toFixed(1)}     ${percent(bin.predicted)}   ${percent(bin.actual)}  ${String(bin.count).padStart(6)}`,
    ),
  ];
  return lines.join('\n');
}
