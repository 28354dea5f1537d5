/** Automatic discrepancy checks over sentence pairs and aligned documents. */
export { checkPair } from './checkPair';
export { checkDocument, type DocumentFinding } from './checkDocument';
export type { CheckResources } from './pairAnalysis';
export {
  DEFAULT_CHECK_SETTINGS,
  resolveCheckSettings,
  type CheckSettings,
  type CheckSettingsOverrides,
} from './settings';
export { FINDING_TEMPLATES, renderFindingMessage } from './messages';
export { CHECK_NAMES, type CheckName, type Finding, type FindingCode } from './types';
export { medianLengthRatio } from './lengthCheck';
