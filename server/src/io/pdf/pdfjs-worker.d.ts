// pdf.js's parser module ships without types; worker.ts only puts it on globalThis for pdf.js to find.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
