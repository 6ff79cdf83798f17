import type { Metadata } from "next";
import { DiagramRenderer } from "@/features/report/diagram-renderer";

export const metadata: Metadata = { title: "Diagram renderer", robots: { index: false, follow: false } };

/** Loaded once by the server's headless Chromium to draw PDF diagrams (src/server/pdf/diagram-renderer.ts). */
export default function DiagramRendererPage() {
  return <DiagramRenderer />;
}
