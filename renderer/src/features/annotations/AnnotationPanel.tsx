/**
 * The annotation panel: every flag of the project with filters; clicking one scrolls to its text and highlights it.
 * (Rendered in the workspace's side panel.)
 */
export function AnnotationPanel() {
  return null;
}
