/** Confidence bands the view colours: below 0.5 asks the reviewer to look, 0.8 and above is trusted. */
export type ConfidenceBand = 'high' | 'medium' | 'low';

export function confidenceBand(confidence: number): ConfidenceBand {
  if (confidence >= 0.8) return 'high';
  if (confidence >= 0.5) return 'medium';
  return 'low';
}

export const BAND_COLOR: Record<ConfidenceBand, string> = {
  high: 'teal',
  medium: 'yellow',
  low: 'red',
};
