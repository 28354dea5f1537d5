// pdfjs-dist ships no types for its worker module; pdfText.ts only hands its message handler to pdfjs.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
