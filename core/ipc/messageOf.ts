/**
 * The readable message of anything thrown or rejected: an Error's message, else its string form. One definition for
 * the Node side (service errors, CLI) and the renderer (notices), since both turn caught errors into words the same way.
 */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
