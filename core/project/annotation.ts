/**
 * The stored annotation schema, as the project file and its importers (main, the renderer, core/ipc) name it. It is
 * defined in core/review/annotationSchema.ts (and the MQM subtypes in core/review/mqm.ts), so that core/review never
 * imports core/project: project depends on review, not the other way round.
 */
export * from '../review/annotationSchema';
export { MQM_SUBTYPES, MQM_SUBTYPE_IDS, isSubtypeOf, type MqmSubtype } from '../review/mqm';
