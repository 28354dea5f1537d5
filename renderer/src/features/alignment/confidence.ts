/** Confidence bands the view colours: below 0.5 asks the reviewer to look, 0.8 and above is trusted. */
export type ConfidenceBand = 'high' | 'medium' | 'low';

export function confidenceBand(confidence: number): ConfidenceBand {
  if (confidence >= 0.8) return 'high';
  if (confidence >= 0.5) return 'medium';
  return 'low';
}

/** What a row's badge and bar show: the aligner's band, or `edited` for a row shaped by hand (never scored). */
export type RowBand = ConfidenceBand | 'edited';

export function rowBand(bead: { readonly confidence: number; readonly edited?: boolean }): RowBand {
  return bead.edited === true ? 'edited' : confidenceBand(bead.confidence);
}

export const BAND_COLOR: Record<RowBand, string> = {
  high: 'teal',
  medium: 'yellow',
  low: 'red',
  edited: 'gray',
};
