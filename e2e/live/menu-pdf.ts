import { PDFDocument, StandardFonts } from "pdf-lib";

/** A three-page menu; the lemon tart is on page 3 (the knowledge spec and the screenshots ask about it). */
export async function menuPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const line of ["Starters: marinated olives.", "Mains: mushroom risotto.", "The lemon tart is baked every Friday."]) pdf.addPage([400, 300]).drawText(line, { x: 20, y: 250, size: 12, font });
  return Buffer.from(await pdf.save());
}
